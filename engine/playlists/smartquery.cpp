#include "smartquery.h"

#include "store/sqlerror.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QVariantList>

namespace encore {

namespace {

// What each placeholder of the registered fragments stands for in one evaluation.
struct Bindings {
    const SmartContext& context;
    const SmartRules& rules;
    const SmartCondition* condition = nullptr;

    QVariant valueOf(QStringView name) const {
        if (name == u"v")
            return condition ? condition->value : QVariant();
        if (name == u"d")
            return condition ? condition->days : 0;
        if (name == u"now")
            return context.now_s;
        if (name == u"profile")
            return context.profile;
        if (name == u"hour")
            return context.local_hour;
        if (name == u"seed")
            return qint64(rules.seed);
        if (name == u"sd")
            return rules.sort_days;
        return {};
    }
};

// Replaces each {name} in `fragment` with a ? and appends its value to `values`.
QString expand(const char* fragment, const Bindings& bindings, QVariantList& values) {
    static const QRegularExpression placeholder(QStringLiteral("\\{([a-z]+)\\}"));
    const QString text = QString::fromLatin1(fragment);
    QString sql;
    qsizetype at = 0;
    for (auto it = placeholder.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        sql += QStringView(text).mid(at, match.capturedStart() - at);
        sql += QLatin1Char('?');
        values.append(bindings.valueOf(match.capturedView(1)));
        at = match.capturedEnd();
    }
    sql += QStringView(text).mid(at);
    return sql;
}

}  // namespace

Result<QList<TrackId>> evaluateSmartRules(const QSqlDatabase& db, const SmartRules& rules,
                                          const SmartContext& context) {
    QVariantList values;
    Bindings bindings{context, rules};
    QString sql = QStringLiteral(
        "SELECT t.id FROM tracks t LEFT JOIN track_stats s ON s.track_id = t.id AND "
        "s.profile_id = ? WHERE t.path IS NOT NULL AND t.available = 1");
    values.append(context.profile);
    QStringList conditions;
    for (const SmartCondition& condition : rules.conditions) {
        const SmartConditionKind* kind = smartConditionKind(condition.field);
        if (!kind)
            return Error{QStringLiteral("The smart playlist has a condition Encore does not know "
                                        "(\"%1\"): edit it and pick another.")
                             .arg(condition.field)};
        bindings.condition = &condition;
        conditions << QLatin1Char('(') + expand(kind->sql, bindings, values) + QLatin1Char(')');
    }
    bindings.condition = nullptr;
    if (!conditions.isEmpty())
        sql += QStringLiteral(" AND (%1)")
                   .arg(conditions.join(rules.match_all ? QStringLiteral(" AND ")
                                                        : QStringLiteral(" OR ")));
    const SmartSortKind* sort = smartSortKind(rules.sort);
    if (!sort)
        sort = &smartSortKinds().front();
    sql += QStringLiteral(" ORDER BY ") + expand(sort->sql, bindings, values) +
           QStringLiteral(", t.id");
    if (rules.limit > 0) {
        sql += QStringLiteral(" LIMIT ?");
        values.append(rules.limit);
    }

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return sqlError(QStringLiteral("Preparing the smart playlist"), query);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(QStringLiteral("Reading the smart playlist"), query);
    QList<TrackId> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

}  // namespace encore
