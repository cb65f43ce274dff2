#pragma once

// Comparison helpers for the statistics tests: numbers are checked to a stated tolerance.

#include <QString>
#include <QTest>

#include <cmath>

namespace encore::test {

// |actual - expected| <= max(relative * |expected|, absolute), with a message naming both.
inline bool near(double actual, double expected, double relative, double absolute,
                 QString* message) {
    const double tolerance = std::max(relative * std::fabs(expected), absolute);
    if (std::isfinite(actual) && std::fabs(actual - expected) <= tolerance)
        return true;
    *message = QStringLiteral("actual %1, expected %2 (tolerance %3)")
                   .arg(actual, 0, 'g', 17)
                   .arg(expected, 0, 'g', 17)
                   .arg(tolerance, 0, 'g', 3);
    return false;
}

}  // namespace encore::test

#define ENCORE_COMPARE_NEAR(actual, expected, relative, absolute)                  \
    do {                                                                           \
        QString encore_near_message_;                                              \
        QVERIFY2(encore::test::near((actual), (expected), (relative), (absolute),  \
                                    &encore_near_message_),                        \
                 qPrintable(QStringLiteral(#actual ": ") + encore_near_message_)); \
    } while (0)
