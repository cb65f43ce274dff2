#include "stats/math/linalg_p.h"

#include <algorithm>
#include <cmath>

namespace encore::stats {

namespace {

// A pivot below this fraction of the largest diagonal entry counts as zero.
constexpr double kRelativePivotTolerance = 1e-13;

}  // namespace

bool choleskyFactor(const SquareMatrix& a, SquareMatrix* lower) {
    const std::size_t n = a.size;
    *lower = SquareMatrix(n);
    double scale = 0.0;
    for (std::size_t i = 0; i < n; ++i)
        scale = std::max(scale, std::fabs(a(i, i)));
    const double tolerance = kRelativePivotTolerance * std::max(scale, 1e-300);
    SquareMatrix& l = *lower;
    for (std::size_t j = 0; j < n; ++j) {
        double d = a(j, j);
        for (std::size_t k = 0; k < j; ++k)
            d -= l(j, k) * l(j, k);
        if (!(d > tolerance) || !std::isfinite(d))
            return false;
        l(j, j) = std::sqrt(d);
        for (std::size_t i = j + 1; i < n; ++i) {
            double s = a(i, j);
            for (std::size_t k = 0; k < j; ++k)
                s -= l(i, k) * l(j, k);
            l(i, j) = s / l(j, j);
        }
    }
    return true;
}

std::vector<double> choleskySolve(const SquareMatrix& l, const std::vector<double>& b) {
    const std::size_t n = l.size;
    std::vector<double> y(b);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < i; ++k)
            y[i] -= l(i, k) * y[k];
        y[i] /= l(i, i);
    }
    for (std::size_t i = n; i-- > 0;) {
        for (std::size_t k = i + 1; k < n; ++k)
            y[i] -= l(k, i) * y[k];
        y[i] /= l(i, i);
    }
    return y;
}

SquareMatrix choleskyInverse(const SquareMatrix& l) {
    const std::size_t n = l.size;
    SquareMatrix inverse(n);
    std::vector<double> unit(n, 0.0);
    for (std::size_t j = 0; j < n; ++j) {
        std::fill(unit.begin(), unit.end(), 0.0);
        unit[j] = 1.0;
        const std::vector<double> column = choleskySolve(l, unit);
        for (std::size_t i = 0; i < n; ++i)
            inverse(i, j) = column[i];
    }
    return inverse;
}

}  // namespace encore::stats
