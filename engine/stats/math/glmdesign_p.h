#pragma once

// Private to stats/math: turns raw feature columns into the standardised design matrix of
// fitGlm, leaving out constant and collinear columns.

#include "stats/math/glm.h"

#include <cstddef>
#include <vector>

namespace encore::stats {

struct GlmDesign {
    std::size_t rows = 0;
    std::size_t width = 0;          // 1 (intercept) + used columns
    std::vector<double> x;          // row-major rows x width; x[i * width] = 1
    std::vector<std::size_t> used;  // input column of design column k + 1
    std::vector<ColumnFate> fate;   // per input column
    std::vector<double> mean;       // per input column
    std::vector<double> sd;         // per input column; 0 when constant
};

// Columns must all have `rows` finite values (checked by the caller).
GlmDesign buildGlmDesign(const std::vector<std::vector<double>>& columns, std::size_t rows);

}  // namespace encore::stats
