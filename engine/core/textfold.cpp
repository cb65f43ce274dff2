#include "core/textfold.h"

namespace encore {

namespace {

// "Beatles, The" -> "The Beatles": tags disagree on where the article goes.
QString moveTrailingArticle(const QString& text) {
    static const QString kSuffixes[] = {QStringLiteral(", the"), QStringLiteral(", a"),
                                        QStringLiteral(", an")};
    for (const QString& suffix : kSuffixes) {
        if (text.endsWith(suffix))
            return suffix.mid(2) + QLatin1Char(' ') + text.left(text.size() - suffix.size());
    }
    return text;
}

}  // namespace

QString foldForComparison(const QString& text) {
    const QString decomposed = text.normalized(QString::NormalizationForm_KD).toCaseFolded();
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;  // accents: "é" decomposes to "e" + U+0301
        if (c.isLetterOrNumber()) {
            if (pendingSpace && !out.isEmpty())
                out.append(QLatin1Char(' '));
            pendingSpace = false;
            out.append(c);
        } else if (c == QLatin1Char(',') && !out.isEmpty()) {
            // keep commas until the article is moved, they mark "X, The"
            out.append(c);
            pendingSpace = false;
        } else {
            pendingSpace = true;
        }
    }
    out = moveTrailingArticle(out);
    out.replace(QLatin1Char(','), QLatin1Char(' '));
    return out.simplified();
}

}  // namespace encore
