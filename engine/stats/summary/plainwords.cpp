#include "stats/summary/plainwords.h"

#include <QLocale>

#include <cmath>

namespace encore::stats {

namespace {

// p-values below this are printed as "p < 0.001", above the upper one as "p > 0.99".
constexpr double kSmallestPrintedP = 0.001;
constexpr double kLargestPrintedP = 0.99;
// Percent changes below this size get one decimal ("0.4% more" rather than "0% more").
constexpr double kOneDecimalBelowPercent = 10.0;

QString capitalized(QString text) {
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

QString formatNumber(double value, int decimals) {
    // Avoid "-0.00" for values that round to zero.
    const double rounded = std::round(value * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
    return QString::number(rounded == 0.0 ? 0.0 : rounded, 'f', decimals);
}

QString formatPercentChange(double percent) {
    const double size = std::fabs(percent);
    return formatNumber(size, size < kOneDecimalBelowPercent ? 1 : 0) + QLatin1Char('%');
}

QString levelText(double level) {
    return QString::number(std::round(level * 100.0)) + QStringLiteral("% interval");
}

// "12 tracks", but "one of the tracks": the unit is only known in the plural.
QString countOf(std::size_t n, const QString& unit_plural) {
    if (n == 1)
        return QStringLiteral("one of the ") + unit_plural;
    return formatCount(n) + QLatin1Char(' ') + unit_plural;
}

QString features(std::size_t n) {
    return formatCount(n) + (n == 1 ? QStringLiteral(" feature") : QStringLiteral(" features"));
}

QString strengthWord(Strength strength) {
    switch (strength) {
        case Strength::Negligible:
            return QStringLiteral("very weak");
        case Strength::Weak:
            return QStringLiteral("weak");
        case Strength::Moderate:
            return QStringLiteral("moderate");
        case Strength::Strong:
            return QStringLiteral("strong");
    }
    return {};
}

QString familyName(GlmFamily family) {
    switch (family) {
        case GlmFamily::Poisson:
            return QStringLiteral("Poisson regression");
        case GlmFamily::NegativeBinomial:
            return QStringLiteral("negative binomial regression");
        case GlmFamily::Logistic:
            return QStringLiteral("logistic regression");
    }
    return {};
}

QString cannotTellReason(StatIssue issue) {
    return QString::fromLatin1(issueName(issue));
}

}  // namespace

QString formatPValue(double p, double alpha) {
    if (!(p >= kSmallestPrintedP))
        return QStringLiteral("p < 0.001");
    if (p > kLargestPrintedP)
        return QStringLiteral("p > 0.99");
    QString text;
    for (int digits = 2; digits <= 8; ++digits) {
        text = QString::number(p, 'g', digits);
        if ((text.toDouble() < alpha) == (p < alpha))
            break;
    }
    return QStringLiteral("p = ") + text;
}

QString formatShare(double share) {
    if (!(share > 0.0))
        return QStringLiteral("0%");
    if (share >= 1.0)
        return QStringLiteral("100%");
    if (share < 0.005)
        return QStringLiteral("less than 1%");
    if (share > 0.995)
        return QStringLiteral("more than 99%");
    return QString::number(std::lround(share * 100.0)) + QLatin1Char('%');
}

QString formatCount(std::size_t n) {
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(static_cast<qulonglong>(n));
}

QString describeGroupEffect(const GroupEffectFinding& f, const GroupWording& w, double alpha) {
    QString text;
    switch (f.verdict) {
        case Verdict::TooFewToSay:
            if (f.n == 0)
                return QStringLiteral("No %1 yet: nothing to say about %2.")
                    .arg(w.unit_plural, w.factor);
            return QStringLiteral("Only %1: too few to say whether %2 matters.")
                .arg(countOf(f.n, w.unit_plural), w.factor);
        case Verdict::CannotTell:
            if (f.issue == StatIssue::OneGroup)
                return QStringLiteral(
                           "All %1 fall into one %2 group, so there is nothing to "
                           "compare.")
                    .arg(countOf(f.n, w.unit_plural), w.factor);
            if (f.issue == StatIssue::AllTied)
                return QStringLiteral("There are no differences in %1, so %2 cannot explain any.")
                    .arg(w.outcome, w.factor);
            return QStringLiteral("Cannot tell whether %1 matters (%2).")
                .arg(w.factor, cannotTellReason(f.issue));
        case Verdict::Clear:
            text = QStringLiteral(
                       "%1 explains %2 of the differences in %3; this is unlikely to be "
                       "chance, %4.")
                       .arg(capitalized(w.factor), formatShare(f.share_explained), w.outcome,
                            formatPValue(f.p_value, alpha));
            break;
        case Verdict::NoClearEffect:
            text = QStringLiteral(
                       "%1 explains %2 of the differences in %3, but this could well be "
                       "chance (%4).")
                       .arg(capitalized(w.factor), formatShare(f.share_explained), w.outcome,
                            formatPValue(f.p_value, alpha));
            break;
    }
    if (f.merged_groups > 0) {
        text += QStringLiteral(
                    " %1 with fewer than %2 %3 (%4 of them) are counted together as "
                    "\u201Cother\u201D.")
                    .arg(capitalized(w.factor_plural), formatCount(f.min_group_size), w.unit_plural,
                         formatCount(f.merged_groups));
    }
    return text;
}

QString describeCorrelation(const CorrelationFinding& f, const QString& feature,
                            const QString& unit_plural) {
    const QString name = capitalized(feature);
    switch (f.verdict) {
        case Verdict::TooFewToSay:
            if (f.n == 0)
                return QStringLiteral("%1: no %2 to compare.").arg(name, unit_plural);
            return QStringLiteral("%1: only %2, too few to say.")
                .arg(name, countOf(f.n, unit_plural));
        case Verdict::CannotTell:
            if (f.issue == StatIssue::AllTied)
                return QStringLiteral("%1: all values are equal, so no link can be measured.")
                    .arg(name);
            return QStringLiteral("%1: cannot tell (%2).").arg(name, cannotTellReason(f.issue));
        case Verdict::Clear:
        case Verdict::NoClearEffect:
            break;
    }
    const QString numbers = QStringLiteral("Spearman's \u03C1 = %1, %2 %3 to %4%5")
                                .arg(formatNumber(f.rho, 2), levelText(f.level),
                                     formatNumber(f.ci_low, 2), formatNumber(f.ci_high, 2),
                                     f.bootstrap ? QStringLiteral(" (bootstrap)") : QString());
    if (f.verdict == Verdict::NoClearEffect)
        return QStringLiteral("%1: no clear link with plays (%2).").arg(name, numbers);
    return QStringLiteral("%1: %2 with higher values are played %3 (%4 link; %5).")
        .arg(name, unit_plural, f.direction > 0 ? QStringLiteral("more") : QStringLiteral("less"),
             strengthWord(f.strength), numbers);
}

QString describeEffect(const EffectFinding& f, GlmFamily family, const QString& feature,
                       double level) {
    const QString name = capitalized(feature);
    switch (f.verdict) {
        case Verdict::TooFewToSay:
            return QStringLiteral("%1: too few data to say.").arg(name);
        case Verdict::CannotTell:
            return QStringLiteral("%1: cannot tell (the model did not give a usable fit).")
                .arg(name);
        case Verdict::Clear:
        case Verdict::NoClearEffect:
            break;
    }
    const QString interval = levelText(level);
    if (family == GlmFamily::Logistic) {
        if (f.verdict == Verdict::NoClearEffect)
            return QStringLiteral(
                       "%1: no clear effect (odds ratio %2 to %3 per standard "
                       "deviation, %4).")
                .arg(name, formatNumber(f.ratio_low, 2), formatNumber(f.ratio_high, 2), interval);
        return QStringLiteral(
                   "%1: one standard deviation more goes with %2 times the odds "
                   "(%3 %4 to %5), other features held fixed.")
            .arg(name, formatNumber(f.ratio, 2), interval, formatNumber(f.ratio_low, 2),
                 formatNumber(f.ratio_high, 2));
    }
    const auto change = [](double ratio) { return formatPercentChange((ratio - 1.0) * 100.0); };
    if (f.verdict == Verdict::NoClearEffect)
        return QStringLiteral(
                   "%1: no clear effect (%2 from %3 fewer to %4 more plays per "
                   "standard deviation).")
            .arg(name, interval, change(f.ratio_low), change(f.ratio_high));
    if (f.direction > 0)
        return QStringLiteral(
                   "%1: one standard deviation more goes with %2 more plays (%3 %4 "
                   "to %5 more), other features held fixed.")
            .arg(name, change(f.ratio), interval, change(f.ratio_low), change(f.ratio_high));
    return QStringLiteral(
               "%1: one standard deviation more goes with %2 fewer plays (%3 %4 to "
               "%5 fewer), other features held fixed.")
        .arg(name, change(f.ratio), interval, change(f.ratio_high), change(f.ratio_low));
}

QString describeModel(const ModelFinding& f, const QString& unit_plural) {
    switch (f.verdict) {
        case Verdict::TooFewToSay:
            return QStringLiteral(
                       "Only %1 for %2: too few to fit a model (at least %3 are needed).")
                .arg(countOf(f.n, unit_plural), features(f.used_columns), formatCount(f.min_n));
        case Verdict::CannotTell:
            if (f.issue == StatIssue::NotConverged)
                return QStringLiteral("The model did not settle after %1, so no effect is claimed.")
                    .arg(f.iterations == 1
                             ? QStringLiteral("1 step")
                             : QString::number(f.iterations) + QStringLiteral(" steps"));
            if (f.issue == StatIssue::AllTied)
                return QStringLiteral(
                           "All %1 have the same number of plays, so there is nothing "
                           "to explain.")
                    .arg(unit_plural);
            if (f.issue == StatIssue::Separation)
                return QStringLiteral(
                    "Some outcomes are predicted perfectly by the features, so the model has no "
                    "finite answer and no effect is claimed (a ridge penalty above 0 avoids "
                    "this).");
            if (f.issue == StatIssue::Singular)
                return QStringLiteral(
                    "The model could not be fitted (the features leave it "
                    "undetermined), so no effect is claimed.");
            return QStringLiteral("The model could not be fitted (%1).")
                .arg(cannotTellReason(f.issue));
        case Verdict::Clear:
        case Verdict::NoClearEffect:
            break;
    }
    QString text =
        QStringLiteral(
            "Fitted on %1 with %2 (%3, converged in %4 steps; effects per standard deviation, "
            "ridge %5).")
            .arg(countOf(f.n, unit_plural), features(f.used_columns), familyName(f.family),
                 QString::number(f.iterations), QString::number(f.ridge, 'g', 3));
    if (f.robust)
        text.insert(text.size() - 2, QStringLiteral("; intervals from robust standard errors"));
    if (f.verdict == Verdict::NoClearEffect)
        text += QStringLiteral(" No feature has a clear effect.");
    return text;
}

QString describeLeftOut(ColumnFate fate, const QString& feature, const QString& unit_plural) {
    switch (fate) {
        case ColumnFate::Used:
            return {};
        case ColumnFate::Constant:
            return QStringLiteral("%1 was left out: all %2 have the same value.")
                .arg(capitalized(feature), unit_plural);
        case ColumnFate::Collinear:
            return QStringLiteral(
                       "%1 was left out: it is fully determined by the other "
                       "features.")
                .arg(capitalized(feature));
    }
    return {};
}

}  // namespace encore::stats
