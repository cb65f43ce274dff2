#pragma once

// Private to stats/math: the small dense symmetric solves of the regression (a few dozen
// columns at most), so no BLAS dependency is warranted.

#include <cstddef>
#include <vector>

namespace encore::stats {

// A square matrix, row-major.
struct SquareMatrix {
    std::size_t size = 0;
    std::vector<double> at;  // at[i * size + j]
    explicit SquareMatrix(std::size_t n = 0) : size(n), at(n * n, 0.0) {}
    double& operator()(std::size_t i, std::size_t j) { return at[i * size + j]; }
    double operator()(std::size_t i, std::size_t j) const { return at[i * size + j]; }
};

// Lower Cholesky factor L (L L^T = a) of a symmetric positive definite matrix; false when a
// pivot is not positive relative to the matrix scale (singular or indefinite).
bool choleskyFactor(const SquareMatrix& a, SquareMatrix* lower);

// Solves L L^T x = b.
std::vector<double> choleskySolve(const SquareMatrix& lower, const std::vector<double>& b);

// (L L^T)^-1.
SquareMatrix choleskyInverse(const SquareMatrix& lower);

}  // namespace encore::stats
