#include "listens/import/jsonrecordreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace encore {

namespace {

bool isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

QString printable(int c) {
    if (c < 0)
        return QStringLiteral("the end of the file");
    if (c >= 0x20 && c < 0x7f)
        return QStringLiteral("'%1'").arg(QChar(c));
    return QStringLiteral("byte 0x%1").arg(c, 2, 16, QLatin1Char('0'));
}

}  // namespace

JsonRecordReader::JsonRecordReader(QIODevice& device, QString displayName, Layout layout,
                                   QStringList path)
    : device_(device), name_(std::move(displayName)), layout_(layout), path_(std::move(path)) {}

bool JsonRecordReader::fill() {
    if (pos_ < buffer_.size())
        return true;
    if (eof_)
        return false;
    buffer_ = device_.read(kChunkBytes);
    pos_ = 0;
    if (buffer_.isEmpty()) {
        eof_ = true;
        return false;
    }
    return true;
}

int JsonRecordReader::peek() {
    if (!fill())
        return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
}

int JsonRecordReader::get() {
    if (!fill())
        return -1;
    const int c = static_cast<unsigned char>(buffer_[pos_++]);
    if (c == '\n')
        ++line_;
    return c;
}

void JsonRecordReader::skipWhitespace() {
    for (;;) {
        if (!fill())
            return;
        const char* data = buffer_.constData();
        const qsizetype n = buffer_.size();
        while (pos_ < n && isSpace(static_cast<unsigned char>(data[pos_]))) {
            if (data[pos_] == '\n')
                ++line_;
            ++pos_;
        }
        if (pos_ < n)
            return;
    }
}

Error JsonRecordReader::errorHere(const QString& what) const {
    return Error{QStringLiteral("%1 line %2: %3. The file is not valid JSON; nothing from it was "
                                "imported.")
                     .arg(name_)
                     .arg(line_)
                     .arg(what)};
}

Error JsonRecordReader::truncated() const {
    return Error{QStringLiteral("%1 ends in the middle of its data (line %2, after %3 records): "
                                "the file is truncated. Export or download it again; nothing "
                                "from it was imported.")
                     .arg(name_)
                     .arg(line_)
                     .arg(record_number_)};
}

Status JsonRecordReader::expect(char c, const QString& what) {
    skipWhitespace();
    const int got = peek();
    if (got < 0)
        return truncated();
    if (got != static_cast<unsigned char>(c))
        return errorHere(QStringLiteral("expected %1, found %2").arg(what, printable(got)));
    get();
    return {};
}

Result<QString> JsonRecordReader::readKey() {
    skipWhitespace();
    if (peek() < 0)
        return truncated();
    if (peek() != '"')
        return errorHere(
            QStringLiteral("expected a key in quotes, found %1").arg(printable(peek())));
    QByteArray raw;
    raw.append(char(get()));
    bool escape = false;
    for (;;) {
        const int c = get();
        if (c < 0)
            return truncated();
        raw.append(char(c));
        if (raw.size() > kMaxRecordBytes)
            return errorHere(QStringLiteral("a key is longer than %1 bytes").arg(kMaxRecordBytes));
        if (escape)
            escape = false;
        else if (c == '\\')
            escape = true;
        else if (c == '"')
            break;
    }
    // Let QJsonDocument decode escapes in the (short) key.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + raw + "]");
    if (!doc.isArray())
        return errorHere(QStringLiteral("a key is not a valid JSON string"));
    return doc.array().at(0).toString();
}

Status JsonRecordReader::skipValue() {
    skipWhitespace();
    const int first = peek();
    if (first < 0)
        return truncated();
    if (first != '{' && first != '[' && first != '"') {
        // number, true, false, null
        for (;;) {
            const int c = peek();
            if (c < 0 || c == ',' || c == '}' || c == ']' || isSpace(c))
                return {};
            get();
        }
    }
    int depth = 0;
    bool inString = false;
    bool escape = false;
    for (;;) {
        const int c = get();
        if (c < 0)
            return truncated();
        if (inString) {
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"') {
                inString = false;
                if (depth == 0)
                    return {};
            }
            continue;
        }
        if (c == '"')
            inString = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            if (--depth == 0)
                return {};
        }
    }
}

Status JsonRecordReader::enterWrapped() {
    const Status open = expect('{', QStringLiteral("'{'"));
    if (!open)
        return open;
    int level = 0;
    int depth = 1;
    for (;;) {
        skipWhitespace();
        if (peek() == '}') {
            return Error{QStringLiteral("%1 has no \"%2\" list: it is not the export it looks "
                                        "like, or it is damaged. Nothing from it was imported.")
                             .arg(name_, path_.join(QLatin1Char('.')))};
        }
        const Result<QString> key = readKey();
        if (!key)
            return Error{key.error()};
        const Status colon = expect(':', QStringLiteral("':'"));
        if (!colon)
            return colon;
        if (key.value() == path_.value(level)) {
            skipWhitespace();
            if (level + 1 < path_.size()) {
                const Status nested = expect('{', QStringLiteral("an object"));
                if (!nested)
                    return nested;
                ++level;
                ++depth;
                continue;
            }
            const Status list = expect('[', QStringLiteral("a list"));
            if (!list)
                return list;
            wrapped_depth_ = depth;
            return {};
        }
        const Status skipped = skipValue();
        if (!skipped)
            return skipped;
        skipWhitespace();
        if (peek() == ',') {
            get();
            continue;
        }
        if (peek() < 0)
            return truncated();
        if (peek() != '}')
            return errorHere(
                QStringLiteral("expected ',' or '}', found %1").arg(printable(peek())));
    }
}

Status JsonRecordReader::leaveWrapped() {
    while (wrapped_depth_ > 0) {
        skipWhitespace();
        const int c = get();
        if (c < 0)
            return truncated();
        if (c == '}') {
            --wrapped_depth_;
            continue;
        }
        if (c != ',')
            return errorHere(QStringLiteral("expected ',' or '}', found %1").arg(printable(c)));
        const Result<QString> key = readKey();
        if (!key)
            return Error{key.error()};
        const Status colon = expect(':', QStringLiteral("':'"));
        if (!colon)
            return colon;
        const Status skipped = skipValue();
        if (!skipped)
            return skipped;
    }
    return {};
}

Result<bool> JsonRecordReader::captureRecord(QJsonObject& record) {
    skipWhitespace();
    if (peek() < 0)
        return truncated();
    if (peek() != '{')
        return errorHere(
            QStringLiteral("expected a record ('{'), found %1").arg(printable(peek())));
    record_line_ = line_;
    ++record_number_;
    record_bytes_.clear();
    int depth = 0;
    bool inString = false;
    bool escape = false;
    bool done = false;
    while (!done) {
        if (!fill())
            return truncated();
        const char* data = buffer_.constData();
        const qsizetype n = buffer_.size();
        qsizetype i = pos_;
        for (; i < n; ++i) {
            const char c = data[i];
            if (c == '\n')
                ++line_;
            if (inString) {
                if (escape)
                    escape = false;
                else if (c == '\\')
                    escape = true;
                else if (c == '"')
                    inString = false;
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    ++i;
                    done = true;
                    break;
                }
            }
        }
        record_bytes_.append(data + pos_, i - pos_);
        pos_ = i;
        if (record_bytes_.size() > kMaxRecordBytes) {
            return Error{QStringLiteral("%1 line %2: record %3 is larger than %4 MB; this is not a "
                                        "listening history Encore can read. Nothing from it was "
                                        "imported.")
                             .arg(name_)
                             .arg(record_line_)
                             .arg(record_number_)
                             .arg(kMaxRecordBytes / (1024 * 1024))};
        }
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(record_bytes_, &error);
    if (error.error != QJsonParseError::NoError) {
        const qint64 line = record_line_ + record_bytes_.left(error.offset).count('\n');
        const QString what = error.error == QJsonParseError::IllegalUTF8String
                                 ? QStringLiteral("text that is not UTF-8 (JSON must be UTF-8)")
                                 : error.errorString();
        return Error{QStringLiteral("%1 line %2: malformed JSON in record %3 (%4). Nothing from "
                                    "this file was imported.")
                         .arg(name_)
                         .arg(line)
                         .arg(record_number_)
                         .arg(what)};
    }
    record = doc.object();
    return true;
}

Result<bool> JsonRecordReader::nextInArray(QJsonObject& record) {
    skipWhitespace();
    int c = peek();
    if (c < 0)
        return truncated();
    if (c == ']') {
        get();
        state_ = State::AfterArray;
        return false;
    }
    if (!first_in_array_) {
        if (c != ',')
            return errorHere(QStringLiteral("expected ',' or ']' after record %1, found %2")
                                 .arg(record_number_)
                                 .arg(printable(c)));
        get();
    }
    first_in_array_ = false;
    return captureRecord(record);
}

Result<bool> JsonRecordReader::next(QJsonObject& record) {
    for (;;) {
        switch (state_) {
            case State::Start: {
                skipWhitespace();
                if (fill() && buffer_.mid(pos_, 3) == QByteArray("\xEF\xBB\xBF"))
                    pos_ += 3;  // UTF-8 byte order mark
                if (layout_ == Layout::Lines) {
                    state_ = State::InLines;
                    break;
                }
                if (layout_ == Layout::Wrapped) {
                    const Status entered = enterWrapped();
                    if (!entered)
                        return Error{entered.error()};
                } else {
                    const Status open = expect('[', QStringLiteral("'['"));
                    if (!open)
                        return Error{open.error()};
                }
                state_ = State::InArray;
                break;
            }
            case State::InArray: {
                Result<bool> got = nextInArray(record);
                if (!got || got.value())
                    return got;
                break;  // reached ']'
            }
            case State::InLines: {
                skipWhitespace();
                if (peek() < 0) {
                    state_ = State::Done;
                    return false;
                }
                return captureRecord(record);
            }
            case State::AfterArray: {
                if (layout_ == Layout::Wrapped) {
                    const Status left = leaveWrapped();
                    if (!left)
                        return Error{left.error()};
                }
                skipWhitespace();
                if (peek() >= 0)
                    return errorHere(QStringLiteral("unexpected %1 after the end of the data")
                                         .arg(printable(peek())));
                state_ = State::Done;
                return false;
            }
            case State::Done:
                return false;
        }
    }
}

}  // namespace encore
