#include "listens/import/csvreader.h"

namespace encore {

CsvReader::CsvReader(QIODevice& device, QString displayName, char delimiter, bool quoting)
    : device_(device), name_(std::move(displayName)), delimiter_(delimiter), quoting_(quoting) {}

qsizetype CsvReader::invalidUtf8At(const QByteArray& bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = data[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned int min = 0;
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            min = 0x10000;
        } else {
            return i;
        }
        if (i + extra >= n)
            return i;  // cut in the middle of a character
        unsigned int code = c & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            const unsigned char cc = data[i + k];
            if ((cc & 0xC0) != 0x80)
                return i;
            code = (code << 6) | (cc & 0x3F);
        }
        if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return i;
        i += extra + 1;
    }
    return -1;
}

Status CsvReader::decode(const QByteArray& bytes, qint64 line, QString& text) const {
    const qsizetype bad = invalidUtf8At(bytes);
    if (bad >= 0) {
        return Error{QStringLiteral("%1 line %2 is not UTF-8 text (byte 0x%3 at column %4; the "
                                    "file looks like Latin-1 or Windows-1252). Save it as UTF-8 "
                                    "and import it again; nothing from it was imported.")
                         .arg(name_)
                         .arg(line)
                         .arg(static_cast<unsigned char>(bytes[bad]), 2, 16, QLatin1Char('0'))
                         .arg(bad + 1)};
    }
    text = QString::fromUtf8(bytes);
    return {};
}

Result<bool> CsvReader::readPhysicalLine(QByteArray& line) {
    line = device_.readLine(kMaxRecordBytes + 2);
    if (line.isEmpty())
        return false;
    ++line_;
    if (!line.endsWith('\n') && line.size() > kMaxRecordBytes) {
        return Error{QStringLiteral("%1 line %2 is longer than %3 MB; this is not a listening "
                                    "history Encore can read. Nothing from it was imported.")
                         .arg(name_)
                         .arg(line_)
                         .arg(kMaxRecordBytes / (1024 * 1024))};
    }
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    if (first_line_) {
        first_line_ = false;
        if (line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        else if (line.startsWith("\xFF\xFE") || line.startsWith("\xFE\xFF"))
            return Error{QStringLiteral("%1 is UTF-16 text; save it as UTF-8 and import it again.")
                             .arg(name_)};
    }
    return true;
}

Result<bool> CsvReader::next(QStringList& fields) {
    fields.clear();
    QByteArray line;
    for (;;) {
        const Result<bool> read = readPhysicalLine(line);
        if (!read)
            return Error{read.error()};
        if (!read.value())
            return false;
        if (!line.trimmed().isEmpty())
            break;
    }
    record_line_ = line_;
    QString text;
    Status decoded = decode(line, line_, text);
    if (!decoded)
        return Error{decoded.error()};
    if (!quoting_) {
        fields = text.split(QLatin1Char(delimiter_));
        return true;
    }
    const QChar delimiter = QLatin1Char(delimiter_);
    QString field;
    bool inQuotes = false;
    bool wasQuoted = false;
    qsizetype recordBytes = line.size();
    for (qsizetype i = 0;; ++i) {
        if (i == text.size()) {
            if (!inQuotes)
                break;
            // A quoted field goes on on the next line.
            const Result<bool> read = readPhysicalLine(line);
            if (!read)
                return Error{read.error()};
            recordBytes += line.size() + 1;
            if (!read.value() || recordBytes > kMaxRecordBytes) {
                return Error{QStringLiteral("%1 line %2: a quoted field is never closed (the file "
                                            "may be truncated). Nothing from it was imported.")
                                 .arg(name_)
                                 .arg(record_line_)};
            }
            decoded = decode(line, line_, text);
            if (!decoded)
                return Error{decoded.error()};
            field.append(QLatin1Char('\n'));
            i = -1;
            continue;
        }
        const QChar c = text[i];
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field.append(c);
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                field.append(c);
            }
        } else if (c == delimiter) {
            fields.append(wasQuoted ? field : field.trimmed());
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('"') && field.trimmed().isEmpty()) {
            inQuotes = true;
            wasQuoted = true;
            field.clear();
        } else {
            field.append(c);
        }
    }
    fields.append(wasQuoted ? field : field.trimmed());
    return true;
}

}  // namespace encore
