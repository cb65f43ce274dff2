#include "core/matchkey.h"

#include "core/textfold.h"

#include <QRegularExpression>

namespace encore {

namespace {

constexpr auto kOptions =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

// Words that mark a bracket or a dashed suffix as a credit or a version label.
const QString kVersionWords = QStringLiteral(
    "remaster(?:ed)?|live|mono|stereo|single\\s+version|album\\s+version|radio\\s+edit|"
    "radio\\s+version|single\\s+edit|deluxe(?:\\s+edition)?|bonus\\s+track|explicit|clean|"
    "original\\s+mix");
const QString kCreditWords = QStringLiteral("feat\\.?|ft\\.|featuring");

const QRegularExpression& bracketedLabel() {
    // "(feat. X)", "[Remastered 2011]", "(with X)", "(Live at Wembley)"
    static const QRegularExpression re(
        QStringLiteral(
            "\\s*[\\(\\[]\\s*(?:(?:%1|with)\\s[^\\)\\]]*|[^\\)\\]]*\\b(?:%2)\\b[^\\)\\]]*)"
            "[\\)\\]]")
            .arg(kCreditWords, kVersionWords),
        kOptions);
    return re;
}

const QRegularExpression& dashedLabel() {
    // " - 2011 Remaster", " - Live", " - Radio Edit", " - feat. X" at the end
    static const QRegularExpression re(
        QStringLiteral(
            "\\s+[-\\x{2013}\\x{2014}]\\s+(?:(?:%1)\\s.*|[^-\\x{2013}\\x{2014}]*\\b(?:%2)"
            "\\b[^-\\x{2013}\\x{2014}]*)$")
            .arg(kCreditWords, kVersionWords),
        kOptions);
    return re;
}

const QRegularExpression& trailingCredit() {
    // "Song feat. X", "Artist ft. X", "Artist featuring X" without brackets
    static const QRegularExpression re(QStringLiteral("\\s+(?:%1)\\s.*$").arg(kCreditWords),
                                       kOptions);
    return re;
}

// Only run the expressions on text that could hold a label: most titles do not.
bool mayHoldLabel(const QString& text) {
    return text.contains(QLatin1Char('(')) || text.contains(QLatin1Char('[')) ||
           text.contains(QLatin1String(" - ")) || text.contains(QChar(0x2013)) ||
           text.contains(QChar(0x2014)) ||
           text.contains(QLatin1String("feat"), Qt::CaseInsensitive) ||
           text.contains(QLatin1String("ft."), Qt::CaseInsensitive);
}

QString stripLabels(const QString& text) {
    if (!mayHoldLabel(text))
        return text;
    QString out = text;
    for (int round = 0; round < 4; ++round) {  // "X (feat. Y) - 2011 Remaster" has two
        const QString before = out;
        out.remove(bracketedLabel());
        out.remove(dashedLabel());
        out.remove(trailingCredit());
        if (out == before)
            break;
    }
    return out;
}

// "&" reads "and"; dots and apostrophes join rather than separate ("T.N.T." is "TNT",
// "Don't" is "Dont"), so they go before folding turns punctuation into spaces.
QString andForAmpersand(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == '&')
            out.append(QLatin1String(" and "));
        else if (u != '.' && u != '\'' && u != 0x2019 && u != 0x2018 && u != '`')
            out.append(c);
    }
    return out;
}

}  // namespace

QString foldArtistForMatch(const QString& artist) {
    const QString whole = foldForComparison(andForAmpersand(artist));
    QString folded = foldForComparison(andForAmpersand(stripLabels(artist)));
    if (folded.isEmpty())
        folded = whole;
    if (folded.startsWith(QLatin1String("the ")) && folded.size() > 4)
        folded = folded.mid(4);
    return folded;
}

QString foldTitleForMatch(const QString& title) {
    const QString folded = foldForComparison(andForAmpersand(stripLabels(title)));
    return folded.isEmpty() ? foldForComparison(andForAmpersand(title)) : folded;
}

QString matchKey(const QString& artist, const QString& title) {
    return foldArtistForMatch(artist) + QLatin1Char('\t') + foldTitleForMatch(title);
}

}  // namespace encore
