#include "core/loudness.h"

#include <cmath>

namespace encore {

namespace {

// Taggers write gains well inside +-60 dB and peaks under 10x full scale; beyond is garbage.
constexpr double kMaxGainDb = 60.0;
constexpr double kMaxPeak = 10.0;

}  // namespace

std::optional<double> parseReplayGainDb(const QString& text) {
    QString t = text.trimmed();
    if (t.endsWith(QLatin1String("dB"), Qt::CaseInsensitive))
        t.chop(2);
    bool ok = false;
    const double db = t.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(db) || std::abs(db) > kMaxGainDb)
        return std::nullopt;
    return db;
}

std::optional<double> parseReplayGainPeak(const QString& text) {
    bool ok = false;
    const double peak = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(peak) || peak <= 0.0 || peak > kMaxPeak)
        return std::nullopt;
    return peak;
}

}  // namespace encore
