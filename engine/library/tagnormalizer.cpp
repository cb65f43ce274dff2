#include "library/tagnormalizer.h"

#include <taglib/id3v1genres.h>

#include <QRegularExpression>
#include <QSet>

namespace encore {

namespace {

constexpr int kMaxTagLength = 512;  // crafted files carry megabyte-long "titles"
constexpr int kMaxGenres = 16;
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 2200;

// ID3v1 genre index -> name, "" when out of range.
QString id3v1GenreName(int index) {
    const TagLib::String name = TagLib::ID3v1::genre(index);
    return QString::fromStdWString(name.toWString());
}

// "(17)", "17", "(17)Rock" and "(RX)"/"(CR)" as ID3v2.3 wrote them.
QString resolveNumericGenre(const QString& genre) {
    static const QRegularExpression kParenthesised(QStringLiteral("^\\((\\d{1,3})\\)(.*)$"));
    static const QRegularExpression kBare(QStringLiteral("^\\d{1,3}$"));
    if (genre == QLatin1String("(RX)"))
        return QStringLiteral("Remix");
    if (genre == QLatin1String("(CR)"))
        return QStringLiteral("Cover");
    const QRegularExpressionMatch parenthesised = kParenthesised.match(genre);
    if (parenthesised.hasMatch()) {
        const QString refinement = parenthesised.captured(2).trimmed();
        if (!refinement.isEmpty())
            return refinement;  // "(17)Rock": the text refines the number
        const QString name = id3v1GenreName(parenthesised.captured(1).toInt());
        return name.isEmpty() ? genre : name;
    }
    if (kBare.match(genre).hasMatch()) {
        const QString name = id3v1GenreName(genre.toInt());
        return name.isEmpty() ? genre : name;
    }
    return genre;
}

}  // namespace

QString cleanTagText(const QString& raw) {
    QString out;
    qsizetype n = std::min<qsizetype>(raw.size(), kMaxTagLength * 2);
    if (n < raw.size() && raw.at(n - 1).isHighSurrogate())
        --n;  // its low half is past the cut
    out.reserve(n);
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = raw.at(i);
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            out.append(QLatin1Char(' '));  // binary junk and NULs become spaces
        else
            out.append(c);
    }
    out = out.simplified();
    if (out.size() > kMaxTagLength) {
        // never half a surrogate pair, nor a trailing space that a second cleaning would drop
        qsizetype end = kMaxTagLength;
        if (out.at(end - 1).isHighSurrogate())
            --end;
        out.truncate(end);
        while (!out.isEmpty() && out.back().isSpace())
            out.chop(1);
    }
    return out;
}

QStringList normaliseGenres(const QStringList& raw) {
    static const QRegularExpression kSeparators(QStringLiteral("[;/,\\x{0000}]"));
    static const QRegularExpression kEdgePunctuation(QStringLiteral("^[\\s&+-]+|[\\s&+-]+$"));
    QStringList genres;
    QSet<QString> seen;
    for (const QString& value : raw) {
        // ID3v2.3 "(17)(18)" lists: put a separator between the parenthesised numbers
        QString text = value;
        text.replace(QStringLiteral(")("), QStringLiteral(");("));
        for (QString part : text.split(kSeparators, Qt::SkipEmptyParts)) {
            part = cleanTagText(part).remove(kEdgePunctuation);
            part = resolveNumericGenre(part);
            if (part.isEmpty())
                continue;
            const QString folded = part.toCaseFolded();
            if (seen.contains(folded))
                continue;
            seen.insert(folded);
            genres.append(part);
            if (genres.size() == kMaxGenres)
                return genres;
        }
    }
    return genres;
}

int plausibleYear(long long year) {
    return year >= kMinYear && year <= kMaxYear ? int(year) : 0;
}

int plausibleNumber(long long number, int max) {
    return number >= 1 && number <= max ? int(number) : 0;
}

int leadingNumber(const QString& text) {
    const QString trimmed = text.trimmed();
    qsizetype end = 0;
    while (end < trimmed.size() && end < 9 && trimmed.at(end).isDigit())
        ++end;
    return end == 0 ? 0 : trimmed.left(end).toInt();
}

}  // namespace encore
