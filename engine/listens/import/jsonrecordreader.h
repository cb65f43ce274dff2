#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QIODevice>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace encore {

// Streams the objects of a JSON listening history one at a time, with memory bounded by the
// largest record (kMaxRecordBytes) whatever the file size. It finds record boundaries itself
// and hands each record to QJsonDocument, so a 1 GB export never sits in memory.
class JsonRecordReader {
public:
    enum class Layout {
        Array,    // [ {...}, {...} ]
        Lines,    // {...}\n{...}\n (JSON lines)
        Wrapped,  // { ..., "key": [ {...}, ... ], ... } with the list at a key path
    };
    static constexpr qint64 kMaxRecordBytes = 4 * 1024 * 1024;
    static constexpr qint64 kChunkBytes = 1024 * 1024;

    // `path`: the keys leading to the list for Layout::Wrapped, e.g. {"payload", "listens"}.
    JsonRecordReader(QIODevice& device, QString displayName, Layout layout, QStringList path = {});

    // True with the next record, false at the clean end, an Error (naming the file and line)
    // when the file is malformed, truncated or not UTF-8.
    Result<bool> next(QJsonObject& record);

    qint64 recordLine() const { return record_line_; }
    qint64 recordNumber() const { return record_number_; }

private:
    enum class State { Start, InArray, InLines, AfterArray, Done };

    bool fill();
    int peek();
    int get();
    void skipWhitespace();
    Error errorHere(const QString& what) const;
    Error truncated() const;
    Status expect(char c, const QString& what);
    Result<QString> readKey();
    Status skipValue();
    Status enterWrapped();
    Status leaveWrapped();
    Result<bool> nextInArray(QJsonObject& record);
    Result<bool> captureRecord(QJsonObject& record);

    QIODevice& device_;
    QString name_;
    Layout layout_;
    QStringList path_;
    State state_ = State::Start;
    QByteArray buffer_;
    qsizetype pos_ = 0;
    bool eof_ = false;
    qint64 line_ = 1;
    bool first_in_array_ = true;
    int wrapped_depth_ = 0;  // objects still open around the list (Layout::Wrapped)
    qint64 record_line_ = 0;
    qint64 record_number_ = 0;
    QByteArray record_bytes_;
};

}  // namespace encore
