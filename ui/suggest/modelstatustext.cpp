#include "suggest/modelstatustext.h"

#include "widgets/formatting.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace encore {

namespace {

constexpr qint64 kMsPerMinute = 60 * 1000;
const QString kSeparator = QStringLiteral(" · ");

QString tr(const char* text, int n = -1) {
    return QCoreApplication::translate("ModelStatusText", text, nullptr, n);
}

QString plays(qint64 n) {
    return n == 1 ? tr("1 play") : tr("%1 plays").arg(Formatting::count(n));
}

// Fewer held-out plays than this are too few to say how well the suggestions do.
constexpr qint64 kMinPlaysForAClaim = 50;
// Ratios this close to 1 read as "about as often" (HR@10 on a few thousand plays is that noisy).
constexpr double kAboutTheSame = 0.15;

// HR@10 of what serves: the blend when it serves, else the model alone.
double servedHitRate(const RecoStatus& s) {
    return s.method == QLatin1String("blend") && s.hr10_blend >= 0 ? s.hr10_blend : s.hr10_model;
}

QString times(double ratio) {
    return ratio < 10 ? QString::number(ratio, 'f', 1).remove(QStringLiteral(".0"))
                      : QString::number(qRound(ratio));
}

// How often the suggestions found the next song, compared with "most played", in words.
QString quality(const RecoStatus& s) {
    const double served = servedHitRate(s);
    if (served < 0)
        return {};
    if (s.evaluated_plays < kMinPlaysForAClaim)
        return tr("too few recent plays yet to tell how well they do");
    if (s.hr10_popular <= 0) {
        if (served <= 0)
            return tr("they have not found your next song among their first 10 yet");
        return tr("they find your next song among their first 10 for %1% of your plays")
            .arg(qRound(100 * served));
    }
    const double ratio = served / s.hr10_popular;
    if (ratio >= 1 + kAboutTheSame)
        return tr("they find your next song %1x as often as 'most played'").arg(times(ratio));
    if (ratio > 1 - kAboutTheSame)
        return tr("they find your next song about as often as 'most played'");
    return tr("'most played' finds your next song more often for now");
}

QString nextRetrain(const RetrainSchedule& schedule, qint64 nowMs) {
    if (schedule.new_listens <= 0)
        return tr("after new plays");
    if (schedule.next_check_ms <= 0)
        return {};
    const qint64 minutes = (schedule.next_check_ms - nowMs + kMsPerMinute - 1) / kMsPerMinute;
    return minutes <= 0 ? tr("soon") : tr("in %1 min").arg(Formatting::count(minutes));
}

QString joined(const QStringList& parts) {
    QStringList kept;
    for (const QString& p : parts) {
        if (!p.isEmpty())
            kept << p;
    }
    return kept.join(kSeparator);
}

}  // namespace

QString ModelStatusText::when(qint64 unixSeconds, qint64 nowMs) {
    const QDateTime at = QDateTime::fromSecsSinceEpoch(unixSeconds);
    const QLocale locale;
    // Minutes are enough (some locales' short time has seconds).
    QString time = locale.timeFormat(QLocale::ShortFormat);
    time.remove(QStringLiteral(":ss"));
    if (at.date() == QDateTime::fromMSecsSinceEpoch(nowMs).date())
        return locale.toString(at.time(), time);
    return locale.toString(at.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(at.time(), time);
}

QString ModelStatusText::line(const RecoStatus& s, const RetrainSchedule& schedule, qint64 nowMs) {
    switch (s.state) {
        case RecoStatus::State::Starting:
            return tr("Recommendations: reading your listening history…");
        case RecoStatus::State::Baselines:
            if (s.log_plays == 0)
                return tr("Suggestions: your newest tracks until you play some music");
            return tr("Suggestions from play counts and tags: %1 so far, the model learns "
                      "from %2")
                .arg(plays(s.log_plays), Formatting::count(schedule.min_plays_for_model));
        case RecoStatus::State::Training:
            return joined(
                {tr("Learning from your %1…").arg(plays(s.log_plays)),
                 s.trained_at > 0
                     ? tr("the suggestions of %1 serve meanwhile").arg(when(s.trained_at, nowMs))
                     : tr("play counts and tags suggest meanwhile")});
        case RecoStatus::State::Ready: {
            const QString learned =
                tr("Suggestions learned from %1 of your plays, %2")
                    .arg(Formatting::count(s.plays), when(s.trained_at, nowMs));
            const QString how = quality(s);
            return how.isEmpty() ? learned : learned + tr("; ") + how;
        }
        case RecoStatus::State::Failed:
            return joined(
                {s.message, s.trained_at > 0
                                ? tr("the suggestions of %1 still serve").arg(when(s.trained_at, nowMs))
                                : QString()});
    }
    return {};
}

QString ModelStatusText::details(const RecoStatus& s, const RetrainSchedule& schedule,
                                 qint64 nowMs) {
    QStringList lines;
    if (!s.message.isEmpty())
        lines << s.message;
    if (s.trained_at > 0) {
        lines << tr("Serving: %1, trained %2 on %3 of the %4 in the log in %5 s (%6 epochs, %7, "
                    "loss %8)")
                     .arg(s.method.isEmpty() ? tr("model") : s.method, when(s.trained_at, nowMs),
                          plays(s.plays), plays(s.log_plays))
                     .arg(s.train_seconds, 0, 'f', 1)
                     .arg(s.epochs)
                     .arg(s.warm_start ? tr("continued from the last model") : tr("from scratch"))
                     .arg(s.loss, 0, 'f', 3);
    }
    if (s.hr10_model >= 0 || s.hr10_popular >= 0) {
        QStringList figures;
        if (s.hr10_blend >= 0)
            figures << tr("blend %1").arg(s.hr10_blend, 0, 'f', 3);
        if (s.hr10_model >= 0)
            figures << tr("two-tower model %1").arg(s.hr10_model, 0, 'f', 3);
        if (s.hr10_popular >= 0)
            figures << tr("most played %1").arg(s.hr10_popular, 0, 'f', 3);
        lines << tr("HR@10 of this model on %1 of your newest plays it did not learn from: %2")
                     .arg(Formatting::count(s.evaluated_plays), figures.join(QStringLiteral(", ")));
        if (s.validation_plays > 0)
            lines << tr("The blend's weights were tuned on %1 other held-out plays")
                         .arg(Formatting::count(s.validation_plays));
    }
    const QString next = nextRetrain(schedule, nowMs);
    if (s.state == RecoStatus::State::Ready && !next.isEmpty())
        lines << tr("Next retraining: %1").arg(next);
    return lines.join(QLatin1Char('\n'));
}

QString ModelStatusText::note(const RecoStatus& s, const RetrainSchedule& schedule) {
    switch (s.state) {
        case RecoStatus::State::Ready:
            return {};
        case RecoStatus::State::Starting:
        case RecoStatus::State::Baselines:
            if (s.log_plays == 0)
                return tr(
                    "Play a few songs and suggestions will appear; until then: new in your "
                    "library.");
            if (s.state == RecoStatus::State::Starting)
                return tr(
                    "Encore is reading your listening history; until then: popular in "
                    "your library.");
            return tr("Encore learns your taste from %1 plays (%2 so far); until then: popular "
                      "in your library and songs like the ones you play.")
                .arg(Formatting::count(schedule.min_plays_for_model),
                     Formatting::count(s.log_plays));
        case RecoStatus::State::Training:
        case RecoStatus::State::Failed:
            if (s.trained_at > 0)
                return {};  // a model serves meanwhile
            return s.state == RecoStatus::State::Training
                       ? tr("Encore is learning your taste from your listening; until then: "
                            "popular in your library.")
                       : tr("Encore could not learn from your listening yet; until then: "
                            "popular in your library.");
    }
    return {};
}

}  // namespace encore
