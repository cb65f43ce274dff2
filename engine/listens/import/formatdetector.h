#pragma once

#include "listens/import/historyformat.h"
#include "listens/import/jsonrecordreader.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringList>

namespace encore {

// A format and, for JSON, how its records are laid out.
struct DetectedFormat {
    HistoryFormat format = HistoryFormat::Unknown;
    JsonRecordReader::Layout layout = JsonRecordReader::Layout::Array;
    QStringList path;  // Layout::Wrapped: the keys leading to the list of records
};

// Finds a history's format from its first 64 KB, not from its name: exports get renamed,
// and a folder or archive holds files of every kind.
class FormatDetector {
public:
    static constexpr qint64 kHeadBytes = 64 * 1024;

    // Peeks at the device (nothing is consumed).
    static DetectedFormat detect(QIODevice& device, const QString& fileName);
    static DetectedFormat detectHead(const QByteArray& head, const QString& fileName);
};

}  // namespace encore
