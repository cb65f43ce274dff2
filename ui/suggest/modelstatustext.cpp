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

// The hit rate of what serves (the blend when it serves) against the most-played baseline.
QString quality(const RecoStatus& s) {
    const double served =
        s.method == QLatin1String("blend") && s.hr10_blend >= 0 ? s.hr10_blend : s.hr10_model;
    if (served < 0)
        return {};
    QString text = tr("HR@10 %1").arg(served, 0, 'f', 2);
    if (s.hr10_popular >= 0)
        text += tr(" vs %1 popular").arg(s.hr10_popular, 0, 'f', 2);
    return text;
}

QString nextRetrain(const RetrainSchedule& schedule, qint64 nowMs) {
    if (schedule.new_listens <= 0)
        return tr("next retrain after new plays");
    if (schedule.next_check_ms <= 0)
        return {};
    const qint64 minutes = (schedule.next_check_ms - nowMs + kMsPerMinute - 1) / kMsPerMinute;
    return minutes <= 0 ? tr("retraining soon")
                        : tr("next retrain in %1 min").arg(Formatting::count(minutes));
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
            if (s.plays == 0)
                return tr("Suggestions: your newest tracks until you play some music");
            return tr("Suggestions from play counts and tags: %1 so far, the model learns "
                      "from %2")
                .arg(plays(s.plays), Formatting::count(schedule.min_plays_for_model));
        case RecoStatus::State::Training:
            return joined(
                {tr("Learning from your listening… (%1)").arg(plays(s.plays)),
                 s.trained_at > 0
                     ? tr("the model of %1 serves meanwhile").arg(when(s.trained_at, nowMs))
                     : tr("play counts and tags suggest meanwhile")});
        case RecoStatus::State::Ready:
            return joined({tr("Trained %1 on %2").arg(when(s.trained_at, nowMs), plays(s.plays)),
                           quality(s), nextRetrain(schedule, nowMs)});
        case RecoStatus::State::Failed:
            return joined(
                {s.message, s.trained_at > 0
                                ? tr("the model of %1 still serves").arg(when(s.trained_at, nowMs))
                                : QString()});
    }
    return {};
}

QString ModelStatusText::details(const RecoStatus& s) {
    QStringList lines;
    if (!s.message.isEmpty())
        lines << s.message;
    if (s.trained_at > 0) {
        lines << tr("Serving: %1, trained on %2 in %3 s (%4 epochs, %5, loss %6)")
                     .arg(s.method.isEmpty() ? tr("model") : s.method, plays(s.plays))
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
        lines << tr("Hit rate in the top 10 on %1 held-out recent plays: %2")
                     .arg(Formatting::count(s.evaluated_plays), figures.join(QStringLiteral(", ")));
    }
    return lines.join(QLatin1Char('\n'));
}

QString ModelStatusText::note(const RecoStatus& s, const RetrainSchedule& schedule) {
    switch (s.state) {
        case RecoStatus::State::Ready:
            return {};
        case RecoStatus::State::Starting:
        case RecoStatus::State::Baselines:
            if (s.plays == 0)
                return tr(
                    "Play a few songs and suggestions will appear; until then: new in your "
                    "library.");
            if (s.state == RecoStatus::State::Starting)
                return tr(
                    "Encore is reading your listening history; until then: popular in "
                    "your library.");
            return tr("Encore learns your taste from %1 plays (%2 so far); until then: popular "
                      "in your library and songs like the ones you play.")
                .arg(Formatting::count(schedule.min_plays_for_model), Formatting::count(s.plays));
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
