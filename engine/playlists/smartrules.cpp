#include "smartrules.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

namespace encore {

namespace {

constexpr double kMaxCount = 1e6;
constexpr double kMaxDays = 36500;
constexpr int kMaxLimit = 100000;
constexpr int kMaxTextLength = 200;

// Counted plays of the track by the profile in the last {d} days (plays_by_track serves it).
#define ENCORE_PLAYS_IN_DAYS(days)                                                        \
    "(SELECT count(*) FROM plays p WHERE p.track_id = t.id AND p.profile_id = {profile} " \
    "AND p.counted = 1 AND p.started_at >= {now} - 86400 * " days ")"
// Counted plays whose local hour of day is the hour now.
#define ENCORE_PLAYS_AT_HOUR                                                              \
    "(SELECT count(*) FROM plays p WHERE p.track_id = t.id AND p.profile_id = {profile} " \
    "AND p.counted = 1 AND ((p.started_at + 60 * p.utc_offset_minutes) / 3600) % 24 = {hour})"

const QList<SmartConditionKind> kConditions = {
    // The listening log (the active profile's).
    {"plays_at_least", QT_TRANSLATE_NOOP("SmartRules", "Played at least"),
     QT_TRANSLATE_NOOP("SmartRules", "times"), SmartValueKind::Number, 0, kMaxCount, 5,
     "coalesce(s.play_count, 0) >= {v}"},
    {"plays_at_most", QT_TRANSLATE_NOOP("SmartRules", "Played at most"),
     QT_TRANSLATE_NOOP("SmartRules", "times"), SmartValueKind::Number, 0, kMaxCount, 2,
     "coalesce(s.play_count, 0) <= {v}"},
    {"never_played", QT_TRANSLATE_NOOP("SmartRules", "Never played"), "", SmartValueKind::None, 0,
     0, 0, "coalesce(s.play_count, 0) = 0"},
    {"played_within_days", QT_TRANSLATE_NOOP("SmartRules", "Played in the last"),
     QT_TRANSLATE_NOOP("SmartRules", "days"), SmartValueKind::Number, 1, kMaxDays, 7,
     "s.last_played_at >= {now} - 86400 * {v}"},
    {"not_played_for_days", QT_TRANSLATE_NOOP("SmartRules", "Not played in the last"),
     QT_TRANSLATE_NOOP("SmartRules", "days"), SmartValueKind::Number, 1, kMaxDays, 90,
     "(s.last_played_at IS NULL OR s.last_played_at < {now} - 86400 * {v})"},
    {"plays_in_last_days", QT_TRANSLATE_NOOP("SmartRules", "Played at least"),
     QT_TRANSLATE_NOOP("SmartRules", "times"), SmartValueKind::NumberInDays, 1, kMaxCount, 3,
     "s.last_played_at >= {now} - 86400 * {d} AND " ENCORE_PLAYS_IN_DAYS("{d}") " >= {v}"},
    {"first_heard_within_days", QT_TRANSLATE_NOOP("SmartRules", "First heard in the last"),
     QT_TRANSLATE_NOOP("SmartRules", "days"), SmartValueKind::Number, 1, kMaxDays, 30,
     "s.first_played_at >= {now} - 86400 * {v}"},
    {"skip_rate_below", QT_TRANSLATE_NOOP("SmartRules", "Skipped in less than"),
     QT_TRANSLATE_NOOP("SmartRules", "% of its starts"), SmartValueKind::Number, 0, 100, 10,
     "100 * coalesce(s.skip_count, 0) < {v} * max(1, coalesce(s.play_count, 0) + "
     "coalesce(s.skip_count, 0))"},
    {"skipped_at_least", QT_TRANSLATE_NOOP("SmartRules", "Skipped at least"),
     QT_TRANSLATE_NOOP("SmartRules", "times"), SmartValueKind::Number, 1, kMaxCount, 3,
     "coalesce(s.skip_count, 0) >= {v}"},
    {"plays_at_this_hour",
     QT_TRANSLATE_NOOP("SmartRules", "Played at this hour of the day at least"),
     QT_TRANSLATE_NOOP("SmartRules", "times"), SmartValueKind::Number, 1, kMaxCount, 2,
     "s.play_count >= {v} AND " ENCORE_PLAYS_AT_HOUR " >= {v}"},
    // The library and its tags.
    {"added_within_days", QT_TRANSLATE_NOOP("SmartRules", "Added in the last"),
     QT_TRANSLATE_NOOP("SmartRules", "days"), SmartValueKind::Number, 1, kMaxDays, 7,
     "t.added_at >= {now} - 86400 * {v}"},
    {"title_contains", QT_TRANSLATE_NOOP("SmartRules", "Title contains"), "", SmartValueKind::Text,
     0, 0, 0, "instr(lower(t.title), lower({v})) > 0"},
    {"artist_contains", QT_TRANSLATE_NOOP("SmartRules", "Artist contains"), "",
     SmartValueKind::Text, 0, 0, 0,
     "(instr(lower(t.artist), lower({v})) > 0 OR instr(lower(t.album_artist), lower({v})) > 0)"},
    {"album_contains", QT_TRANSLATE_NOOP("SmartRules", "Album contains"), "", SmartValueKind::Text,
     0, 0, 0, "instr(lower(t.album), lower({v})) > 0"},
    {"genre_is", QT_TRANSLATE_NOOP("SmartRules", "Genre is"), "", SmartValueKind::Text, 0, 0, 0,
     "EXISTS (SELECT 1 FROM track_genres tg JOIN genres g ON g.id = tg.genre_id "
     "WHERE tg.track_id = t.id AND g.name = {v})"},
    {"year_from", QT_TRANSLATE_NOOP("SmartRules", "Year from"), "", SmartValueKind::Number, 0, 9999,
     1990, "t.year >= {v}"},
    {"year_to", QT_TRANSLATE_NOOP("SmartRules", "Year up to"), "", SmartValueKind::Number, 0, 9999,
     1999, "t.year <= {v}"},
    {"longer_than_minutes", QT_TRANSLATE_NOOP("SmartRules", "Longer than"),
     QT_TRANSLATE_NOOP("SmartRules", "minutes"), SmartValueKind::Number, 0, 1000, 6,
     "t.duration_ms >= 60000 * {v}"},
    {"shorter_than_minutes", QT_TRANSLATE_NOOP("SmartRules", "Shorter than"),
     QT_TRANSLATE_NOOP("SmartRules", "minutes"), SmartValueKind::Number, 0, 1000, 3,
     "t.duration_ms < 60000 * {v}"},
};

const QList<SmartSortKind> kSorts = {
    {"most_played", QT_TRANSLATE_NOOP("SmartRules", "Most played first"),
     "coalesce(s.play_count, 0) DESC, s.last_played_at DESC"},
    {"least_played", QT_TRANSLATE_NOOP("SmartRules", "Least played first"),
     "coalesce(s.play_count, 0) ASC"},
    {"recently_played", QT_TRANSLATE_NOOP("SmartRules", "Last played first"),
     "s.last_played_at IS NULL, s.last_played_at DESC"},
    {"longest_unplayed", QT_TRANSLATE_NOOP("SmartRules", "Longest unplayed first"),
     "coalesce(s.last_played_at, 0) ASC"},
    {"recent_plays", QT_TRANSLATE_NOOP("SmartRules", "Most played lately first"),
     ENCORE_PLAYS_IN_DAYS("{sd}") " DESC, s.last_played_at DESC"},
    {"plays_at_this_hour", QT_TRANSLATE_NOOP("SmartRules", "Most played at this hour first"),
     ENCORE_PLAYS_AT_HOUR " DESC"},
    {"recently_added", QT_TRANSLATE_NOOP("SmartRules", "Newest additions first"),
     "t.added_at DESC"},
    {"title", QT_TRANSLATE_NOOP("SmartRules", "By title"), "t.title COLLATE NOCASE"},
    {"artist", QT_TRANSLATE_NOOP("SmartRules", "By artist"),
     "t.artist COLLATE NOCASE, t.album COLLATE NOCASE, t.disc_no, t.track_no"},
    {"album", QT_TRANSLATE_NOOP("SmartRules", "By album"),
     "t.album COLLATE NOCASE, t.album_artist COLLATE NOCASE, t.disc_no, t.track_no"},
    {"year_newest", QT_TRANSLATE_NOOP("SmartRules", "Newest year first"), "t.year DESC"},
    // A fixed shuffle: the order stays put while the playlist updates around it.
    {"shuffled", QT_TRANSLATE_NOOP("SmartRules", "Shuffled"),
     "(t.id * 2654435761 + {seed}) % 4294967291"},
};

#undef ENCORE_PLAYS_IN_DAYS
#undef ENCORE_PLAYS_AT_HOUR

QString tr(const char* text) {
    return QCoreApplication::translate("SmartRules", text);
}

QString number(double value) {
    return std::floor(value) == value ? QString::number(qint64(value)) : QString::number(value);
}

template <typename Kinds>
QStringList ids(const Kinds& kinds) {
    QStringList out;
    for (const auto& kind : kinds)
        out << QString::fromLatin1(kind.id);
    return out;
}

Error badField(const QString& field, const QString& problem) {
    return Error{QStringLiteral("The smart playlist's rules are not usable: \"%1\" %2.")
                     .arg(field, problem)};
}

Result<SmartCondition> parseCondition(const QJsonObject& object, const QString& where) {
    SmartCondition condition;
    condition.field = object.value(QLatin1String("field")).toString();
    const SmartConditionKind* kind = smartConditionKind(condition.field);
    if (!kind)
        return badField(where + QLatin1String(".field"),
                        QStringLiteral("is \"%1\", which is no condition Encore knows (it knows "
                                       "%2)")
                            .arg(condition.field, ids(kConditions).join(QLatin1String(", "))));
    const QJsonValue value = object.value(QLatin1String("value"));
    switch (kind->kind) {
        case SmartValueKind::None:
            break;
        case SmartValueKind::Text: {
            const QString text = value.toString().trimmed();
            if (text.isEmpty() || text.size() > kMaxTextLength)
                return badField(
                    where + QLatin1String(".value"),
                    QStringLiteral("must be a text of 1 to %1 characters").arg(kMaxTextLength));
            condition.value = text;
            break;
        }
        case SmartValueKind::NumberInDays: {
            const double days = object.value(QLatin1String("days")).toDouble(-1);
            if (days < 1 || days > kMaxDays || std::floor(days) != days)
                return badField(where + QLatin1String(".days"),
                                QStringLiteral("must be a whole number of days from 1 to %1")
                                    .arg(number(kMaxDays)));
            condition.days = int(days);
            [[fallthrough]];
        }
        case SmartValueKind::Number: {
            const double v = value.toDouble(std::nan(""));
            if (!value.isDouble() || std::isnan(v) || v < kind->minimum || v > kind->maximum)
                return badField(where + QLatin1String(".value"),
                                QStringLiteral("must be a number from %1 to %2")
                                    .arg(number(kind->minimum), number(kind->maximum)));
            condition.value = v;
            break;
        }
    }
    return condition;
}

QJsonObject rulesObject(const SmartRules& rules) {
    QJsonArray conditions;
    for (const SmartCondition& c : rules.conditions) {
        QJsonObject object{{QStringLiteral("field"), c.field}};
        const SmartConditionKind* kind = smartConditionKind(c.field);
        if (kind && kind->kind == SmartValueKind::Text)
            object.insert(QStringLiteral("value"), c.value.toString());
        else if (kind && kind->kind != SmartValueKind::None)
            object.insert(QStringLiteral("value"), c.value.toDouble());
        if (kind && kind->kind == SmartValueKind::NumberInDays)
            object.insert(QStringLiteral("days"), c.days);
        conditions.append(object);
    }
    QJsonObject object{
        {QStringLiteral("version"), SmartRules::kVersion},
        {QStringLiteral("match"), rules.match_all ? QStringLiteral("all") : QStringLiteral("any")},
        {QStringLiteral("conditions"), conditions},
        {QStringLiteral("sort"), rules.sort},
        {QStringLiteral("limit"), rules.limit}};
    if (rules.sort == QLatin1String("recent_plays"))
        object.insert(QStringLiteral("sort_days"), rules.sort_days);
    if (rules.sort == QLatin1String("shuffled"))
        object.insert(QStringLiteral("seed"), qint64(rules.seed));
    return object;
}

Result<SmartRules> rulesFrom(const QJsonObject& object) {
    SmartRules rules;
    const int version = object.value(QLatin1String("version")).toInt(0);
    if (version < 1 || version > SmartRules::kVersion)
        return badField(QStringLiteral("version"),
                        QStringLiteral("is %1; this Encore reads version %2 (a newer Encore "
                                       "wrote it?)")
                            .arg(version)
                            .arg(SmartRules::kVersion));
    const QString match = object.value(QLatin1String("match")).toString(QStringLiteral("all"));
    if (match != QLatin1String("all") && match != QLatin1String("any"))
        return badField(QStringLiteral("match"), QStringLiteral("must be \"all\" or \"any\""));
    rules.match_all = match == QLatin1String("all");
    const QJsonArray conditions = object.value(QLatin1String("conditions")).toArray();
    for (int i = 0; i < conditions.size(); ++i) {
        Result<SmartCondition> c =
            parseCondition(conditions[i].toObject(), QStringLiteral("conditions[%1]").arg(i));
        if (!c)
            return Error{c.error()};
        rules.conditions.append(c.value());
    }
    rules.sort = object.value(QLatin1String("sort")).toString(QStringLiteral("most_played"));
    if (!smartSortKind(rules.sort))
        return badField(QStringLiteral("sort"),
                        QStringLiteral("is \"%1\"; it must be one of %2")
                            .arg(rules.sort, ids(kSorts).join(QLatin1String(", "))));
    const double limit = object.value(QLatin1String("limit")).toDouble(0);
    if (limit < 0 || limit > kMaxLimit || std::floor(limit) != limit)
        return badField(
            QStringLiteral("limit"),
            QStringLiteral("must be a whole number from 0 (no limit) to %1").arg(kMaxLimit));
    rules.limit = int(limit);
    const double sortDays = object.value(QLatin1String("sort_days")).toDouble(30);
    if (sortDays < 1 || sortDays > kMaxDays)
        return badField(
            QStringLiteral("sort_days"),
            QStringLiteral("must be a number of days from 1 to %1").arg(number(kMaxDays)));
    rules.sort_days = int(sortDays);
    rules.seed = quint32(object.value(QLatin1String("seed")).toInteger(1));
    return rules;
}

Result<QJsonObject> parseObject(const QByteArray& json) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{QStringLiteral("The smart playlist's rules are not valid JSON (at byte %1: "
                                    "%2).")
                         .arg(error.offset)
                         .arg(error.errorString())};
    if (!document.isObject())
        return Error{QStringLiteral("The smart playlist's rules must be a JSON object.")};
    return document.object();
}

}  // namespace

const QList<SmartConditionKind>& smartConditionKinds() {
    return kConditions;
}

const QList<SmartSortKind>& smartSortKinds() {
    return kSorts;
}

const SmartConditionKind* smartConditionKind(const QString& id) {
    for (const SmartConditionKind& kind : kConditions) {
        if (id == QLatin1String(kind.id))
            return &kind;
    }
    return nullptr;
}

const SmartSortKind* smartSortKind(const QString& id) {
    for (const SmartSortKind& kind : kSorts) {
        if (id == QLatin1String(kind.id))
            return &kind;
    }
    return nullptr;
}

Result<SmartRules> parseSmartRules(const QByteArray& json) {
    const Result<QJsonObject> object = parseObject(json);
    if (!object)
        return Error{object.error()};
    return rulesFrom(object.value());
}

QByteArray smartRulesToJson(const SmartRules& rules) {
    return QJsonDocument(rulesObject(rules)).toJson(QJsonDocument::Compact);
}

QString describeSmartRules(const SmartRules& rules) {
    QStringList parts;
    for (const SmartCondition& c : rules.conditions) {
        const SmartConditionKind* kind = smartConditionKind(c.field);
        if (!kind)
            continue;
        QString part = tr(kind->label);
        if (kind->kind == SmartValueKind::Text)
            part += QStringLiteral(" \u201c%1\u201d").arg(c.value.toString());
        else if (kind->kind != SmartValueKind::None)
            part += QLatin1Char(' ') + number(c.value.toDouble());
        if (*kind->unit)
            part += (QString::fromLatin1(kind->unit).startsWith(QLatin1Char('%'))
                         ? QString()
                         : QStringLiteral(" ")) +
                    tr(kind->unit);
        if (kind->kind == SmartValueKind::NumberInDays)
            part += tr(" in the last %1 days").arg(c.days);
        if (!parts.isEmpty())
            part[0] = part[0].toLower();  // one sentence: only its first word is capitalised
        parts << part;
    }
    QString text = parts.isEmpty() ? tr("Every song")
                                   : parts.join(rules.match_all ? tr(", and ") : tr(", or "));
    if (const SmartSortKind* sort = smartSortKind(rules.sort)) {
        QString order = tr(sort->label).toLower();
        if (rules.sort == QLatin1String("recent_plays"))
            order = tr("most played in the last %1 days first").arg(rules.sort_days);
        text += QStringLiteral("; ") + order;
    }
    if (rules.limit > 0)
        text += tr("; at most %1 songs").arg(rules.limit);
    return text;
}

QByteArray exportSmartPlaylist(const QString& name, const SmartRules& rules) {
    QJsonObject object{{QStringLiteral("encore_smart_playlist"), 1},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("rules"), rulesObject(rules)}};
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<SmartPlaylistExport> parseSmartPlaylistExport(const QByteArray& json) {
    const Result<QJsonObject> object = parseObject(json);
    if (!object)
        return Error{object.error()};
    if (object->value(QLatin1String("encore_smart_playlist")).toInt(0) != 1)
        return Error{
            QStringLiteral("This is not a smart playlist exported by Encore (no "
                           "\"encore_smart_playlist\": 1).")};
    const QString name = object->value(QLatin1String("name")).toString().trimmed();
    if (name.isEmpty())
        return badField(QStringLiteral("name"), QStringLiteral("is empty"));
    Result<SmartRules> rules = rulesFrom(object->value(QLatin1String("rules")).toObject());
    if (!rules)
        return Error{rules.error()};
    return SmartPlaylistExport{name, rules.value()};
}

}  // namespace encore
