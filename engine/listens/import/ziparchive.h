#pragma once

#include "core/result.h"

#include <QIODevice>
#include <QString>
#include <QStringList>

#include <memory>

namespace encore {

// Reads .zip exports (Spotify's my_spotify_data.zip, ListenBrainz exports) with libzip
// (Debian: libzip-dev). Members are streamed, never unpacked to disk or memory.
class ZipArchive {
public:
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    static Result<std::unique_ptr<ZipArchive>> open(const QString& path);
    // True when the file starts like a zip archive (whatever its name).
    static bool looksLikeZip(const QString& path);

    // Names of the file members (folders left out), in archive order.
    const QStringList& members() const { return members_; }
    // A sequential, read-only device streaming one member; valid while the archive lives.
    Result<std::unique_ptr<QIODevice>> openMember(const QString& name);

private:
    struct Impl;
    explicit ZipArchive(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> impl_;
    QStringList members_;
};

}  // namespace encore
