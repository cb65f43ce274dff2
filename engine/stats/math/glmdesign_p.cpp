#include "stats/math/glmdesign_p.h"

#include <algorithm>
#include <cmath>

namespace encore::stats {

namespace {

// A column whose sd is below this fraction of its magnitude holds one value up to rounding.
constexpr double kConstantTolerance = 1e-12;
// A column whose variance left unexplained by earlier kept columns is below this fraction is
// (up to rounding) a linear combination of them.
constexpr double kCollinearTolerance = 1e-9;

}  // namespace

GlmDesign buildGlmDesign(const std::vector<std::vector<double>>& columns, std::size_t rows) {
    GlmDesign design;
    design.rows = rows;
    const std::size_t p = columns.size();
    design.fate.assign(p, ColumnFate::Used);
    design.mean.assign(p, 0.0);
    design.sd.assign(p, 0.0);
    std::vector<std::vector<double>> z;  // standardised kept columns
    for (std::size_t j = 0; j < p; ++j) {
        const std::vector<double>& c = columns[j];
        double mean = 0.0;
        for (double v : c)
            mean += v;
        mean /= static_cast<double>(rows);
        double ss = 0.0;
        for (double v : c)
            ss += (v - mean) * (v - mean);
        const double sd = rows > 1 ? std::sqrt(ss / static_cast<double>(rows - 1)) : 0.0;
        design.mean[j] = mean;
        const auto [lo, hi] = std::minmax_element(c.begin(), c.end());
        if (*lo == *hi || sd <= kConstantTolerance * std::max(1.0, std::fabs(mean))) {
            design.fate[j] = ColumnFate::Constant;
            continue;
        }
        design.sd[j] = sd;
        std::vector<double> standardised(rows);
        for (std::size_t i = 0; i < rows; ++i)
            standardised[i] = (c[i] - mean) / sd;
        z.push_back(std::move(standardised));
        design.used.push_back(j);
    }

    // Incremental Cholesky of the correlation matrix: a column's pivot is the share of its
    // variance that the kept columns before it leave unexplained.
    std::vector<std::size_t> kept;            // indices into z
    std::vector<std::vector<double>> factor;  // rows of L for the kept columns
    const double scale = static_cast<double>(rows - 1);
    for (std::size_t j = 0; j < z.size(); ++j) {
        std::vector<double> row;
        double pivot = 1.0;
        for (std::size_t k = 0; k < kept.size(); ++k) {
            double r = 0.0;
            for (std::size_t i = 0; i < rows; ++i)
                r += z[j][i] * z[kept[k]][i];
            r /= scale;
            for (std::size_t m = 0; m < k; ++m)
                r -= row[m] * factor[k][m];
            r /= factor[k][k];
            row.push_back(r);
            pivot -= r * r;
        }
        if (pivot < kCollinearTolerance) {
            design.fate[design.used[j]] = ColumnFate::Collinear;
            continue;
        }
        row.push_back(std::sqrt(pivot));
        factor.push_back(std::move(row));
        kept.push_back(j);
    }

    std::vector<std::size_t> used;
    for (std::size_t k : kept)
        used.push_back(design.used[k]);
    design.used = std::move(used);
    design.width = 1 + kept.size();
    design.x.assign(rows * design.width, 0.0);
    for (std::size_t i = 0; i < rows; ++i) {
        design.x[i * design.width] = 1.0;
        for (std::size_t k = 0; k < kept.size(); ++k)
            design.x[i * design.width + 1 + k] = z[kept[k]][i];
    }
    return design;
}

}  // namespace encore::stats
