#pragma once

#include "core/result.h"

#include <QString>

namespace encore::bench {

// Base clips encoded once with ffmpeg (3-10 s, a tone plus quiet noise, per format) and kept in
// a cache folder; generated libraries copy them, so 100,000 files need only 40 encodes.
class ClipCache {
public:
    explicit ClipCache(QString folder);

    static QString defaultFolder();

    // Encodes whatever is missing. Needs ffmpeg on PATH.
    Status prepare();
    QString clip(const QString& format, int seconds) const;
    QString cover() const;

private:
    Status encode(const QString& format, int seconds, const QString& out) const;

    QString folder_;
};

}  // namespace encore::bench
