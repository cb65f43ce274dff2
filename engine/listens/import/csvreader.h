#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

namespace encore {

// Streams the records of a delimited text file (RFC 4180 quoting, fields may span lines) with
// memory bounded by the longest record. The text must be UTF-8: anything else is an error that
// names the line, so a Latin-1 export is never imported as mojibake.
class CsvReader {
public:
    static constexpr qint64 kMaxRecordBytes = 1024 * 1024;

    // quoting false: fields are split on the delimiter only (.scrobbler.log).
    CsvReader(QIODevice& device, QString displayName, char delimiter = ',', bool quoting = true);

    // True with the next record's fields, false at the end. Blank lines are skipped.
    Result<bool> next(QStringList& fields);
    // The line the last record started on (1-based).
    qint64 recordLine() const { return record_line_; }

    // Offset of the first byte that is not UTF-8, or -1.
    static qsizetype invalidUtf8At(const QByteArray& bytes);

private:
    Result<bool> readPhysicalLine(QByteArray& line);
    Status decode(const QByteArray& bytes, qint64 line, QString& text) const;

    QIODevice& device_;
    QString name_;
    char delimiter_;
    bool quoting_;
    qint64 line_ = 0;
    qint64 record_line_ = 0;
    bool first_line_ = true;
};

}  // namespace encore
