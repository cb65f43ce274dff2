#pragma once

// How many labels an axis shows, chosen for its length in pixels: round value ticks
// (0, 0.2, 0.4, never 2.77556e-17) with as many decimals as the step needs, so that no two
// ticks print alike ("1%, 1%, 1%"), and every few category names where all would collide.

namespace encore::dashboards {

struct ValueTicks {
    double low = 0.0;
    double high = 1.0;
    double step = 1.0;
    int count = 2;     // ticks from low to high, both included
    int decimals = 0;  // enough to tell every tick from its neighbours
};

// Round ticks covering [min, max], at most maxTicks of them (at least 2). With `whole`, the
// step is never below 1 (plays, tracks).
ValueTicks niceTicks(double min, double max, int maxTicks, bool whole);

// How many labels `labelPx` wide fit side by side in `spanPx`, with a gap between them.
int labelsThatFit(int spanPx, int labelPx);

// Label every step-th of n categories so that at most `fit` are labelled (step >= 1).
int labelStep(int n, int fit);

}  // namespace encore::dashboards
