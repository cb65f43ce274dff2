#include "dashboards/axisticks.h"

#include <algorithm>
#include <cmath>

namespace encore::dashboards {

namespace {

constexpr int kLabelGapPx = 16;  // between two labels along an axis

}  // namespace

ValueTicks niceTicks(double min, double max, int maxTicks, bool whole) {
    ValueTicks t;
    if (!std::isfinite(min) || !std::isfinite(max))
        return t;
    if (max < min)
        std::swap(min, max);
    if (max == min)
        max = min + 1.0;
    const int intervals = std::max(1, maxTicks - 1);
    const double rough = (max - min) / intervals;
    const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
    double nice = 10.0;
    for (double candidate : {1.0, 2.0, 2.5, 5.0}) {
        if (rough <= candidate * magnitude * (1.0 + 1e-9)) {
            nice = candidate;
            break;
        }
    }
    t.step = nice * magnitude;
    if (whole)
        t.step = std::max(1.0, std::round(t.step));
    // Snapped to the step so that the tick at zero is exactly zero.
    t.low = std::floor(min / t.step + 1e-9) * t.step;
    t.high = std::ceil(max / t.step - 1e-9) * t.step;
    if (t.high <= t.low)
        t.high = t.low + t.step;
    t.count = int(std::lround((t.high - t.low) / t.step)) + 1;
    // 2.5 * 10^k needs one decimal more than 10^k.
    const double digits = -std::floor(std::log10(t.step) + 1e-9);
    t.decimals = std::max(0, int(digits) + (nice == 2.5 && !whole ? 1 : 0));
    return t;
}

int labelsThatFit(int spanPx, int labelPx) {
    return std::max(1, (spanPx + kLabelGapPx) / std::max(1, labelPx + kLabelGapPx));
}

int labelStep(int n, int fit) {
    return std::max(1, int(std::ceil(double(n) / std::max(1, fit))));
}

}  // namespace encore::dashboards
