#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace encore {

// A cover picture as encoded bytes (JPEG, PNG, ...). The engine never decodes images (no
// QtGui): the UI turns the bytes into a QImage off the GUI thread.
struct CoverArt {
    QByteArray data;
    QString mime_type;  // as tagged, or from the file name; may be empty
    QString source;     // "embedded", or the image file it came from
};

// The front cover of an audio file: the embedded picture (ID3v2 APIC, FLAC picture, MP4 covr,
// Xiph METADATA_BLOCK_PICTURE/COVERART, ASF WM/Picture, APE "Cover Art (Front)"), a front
// cover preferred over other picture types; else an image in the file's folder
// (cover, folder, front, album, ...). nullopt when there is none.
std::optional<CoverArt> readCoverArt(const QString& audioPath);

// Only the embedded picture.
std::optional<CoverArt> readEmbeddedCover(const QString& audioPath);

// The cover image file in `folder`, or an empty string.
QString findFolderCover(const QString& folder);

}  // namespace encore
