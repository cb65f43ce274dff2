#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

namespace encore {

// What a condition's value is: nothing ("never played"), a number, a text, or a number
// within a number of days ("played at least 3 times in the last 30 days").
enum class SmartValueKind { None, Number, Text, NumberInDays };

// One kind of condition a smart playlist can hold. The table of kinds (smartConditionKinds) is
// the one place a new condition is registered: its id (stored in the rules), its words, and
// its SQL over `t` (tracks) and `s` (the profile's track_stats) with placeholders {v} (the
// value), {d} (the days), {now} (unix seconds), {profile} and {hour} (the local hour now),
// which are bound, never spliced.
struct SmartConditionKind {
    const char* id;
    const char* label;  // "Played at least", shown before the value
    const char* unit;   // "times", shown after it ("" for none)
    SmartValueKind kind;
    double minimum;
    double maximum;
    double initial;  // the value a new condition starts with
    const char* sql;
};

// A way to order a smart playlist's tracks, registered like the conditions.
struct SmartSortKind {
    const char* id;
    const char* label;
    const char* sql;  // ORDER BY terms; placeholders as for conditions, {seed} and {sd} (days)
};

const QList<SmartConditionKind>& smartConditionKinds();
const QList<SmartSortKind>& smartSortKinds();
const SmartConditionKind* smartConditionKind(const QString& id);
const SmartSortKind* smartSortKind(const QString& id);

struct SmartCondition {
    QString field;   // a SmartConditionKind id
    QVariant value;  // double for numbers, QString for text, invalid for none
    int days = 0;    // NumberInDays only
};

// A smart playlist's rules: conditions combined with all (AND) or any (OR), sorted, limited.
struct SmartRules {
    static constexpr int kVersion = 1;
    bool match_all = true;
    QList<SmartCondition> conditions;  // none: every track
    QString sort = QStringLiteral("most_played");
    int sort_days = 30;  // the window of "played most in the last N days"
    int limit = 0;       // 0: no limit
    quint32 seed = 1;    // "shuffled": a fixed order per playlist, stable while it updates
};

// Reads rules as stored in the database or an exported file; the error names the field and
// what is wrong with it.
Result<SmartRules> parseSmartRules(const QByteArray& json);
QByteArray smartRulesToJson(const SmartRules& rules);

// The rules in plain words: "Played at least 5 times and not played in the last 90 days; most
// played first; at most 100 songs".
QString describeSmartRules(const SmartRules& rules);

// An exported smart playlist: its name and rules in one JSON file (".encore-smart.json").
struct SmartPlaylistExport {
    QString name;
    SmartRules rules;
};
QByteArray exportSmartPlaylist(const QString& name, const SmartRules& rules);
Result<SmartPlaylistExport> parseSmartPlaylistExport(const QByteArray& json);

}  // namespace encore
