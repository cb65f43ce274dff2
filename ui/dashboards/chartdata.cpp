#include "dashboards/chartdata.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace encore::dashboards {

namespace {

QString csvField(QString field) {
    if (field.contains(QLatin1Char(',')) || field.contains(QLatin1Char('"')) ||
        field.contains(QLatin1Char('\n'))) {
        field.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + field + QLatin1Char('"');
    }
    return field;
}

// Exact value for tooltips and CSV: whole numbers without decimals, others with up to 4.
QString exact(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return QString::number(static_cast<qint64>(v));
    return QString::number(v, 'g', 6);
}

}  // namespace

int ChartData::chartedSeries() const {
    const int all = int(series.size());
    return charted_series < 0 ? all : std::min(all, charted_series);
}

int ChartData::chartedCategories() const {
    const int all = int(categories.size());
    return charted_categories < 0 ? all : std::min(all, charted_categories);
}

ChartData::Format ChartData::format(int s) const {
    return s >= 0 && s < int(formats.size()) ? formats[std::size_t(s)] : Format::Count;
}

QString ChartData::text(int s, int c) const {
    if (format(s) == Format::Text)
        return s < int(texts.size()) ? texts[std::size_t(s)].value(c) : QString();
    if (s < 0 || s >= int(values.size()) || c < 0 || c >= int(values[std::size_t(s)].size()))
        return {};
    const double v = values[std::size_t(s)][std::size_t(c)];
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    switch (format(s)) {
        case Format::Count:
            return v == std::floor(v) ? english.toString(static_cast<qlonglong>(v))
                                      : english.toString(v, 'f', 1);
        case Format::Share:
            return english.toString(v * 100.0, 'f', v * 100.0 < 10.0 ? 1 : 0) + QLatin1Char('%');
        case Format::Decimal:
            return english.toString(v, 'f', 2);
        case Format::Text:
            break;
    }
    return {};
}

QString ChartData::toolTip(int s, int c) const {
    const QString where = series.size() > 1 || kind == Kind::Heatmap
                              ? series.value(s) + QStringLiteral(", ") + categories.value(c)
                              : categories.value(c);
    QString tip = where + QStringLiteral(": ") + text(s, c);
    if (format(s) != Format::Text && format(s) != Format::Count && s < int(values.size()))
        tip +=
            QStringLiteral(" (") + exact(values[std::size_t(s)][std::size_t(c)]) + QLatin1Char(')');
    if (!value_title.isEmpty() && format(s) == Format::Count)
        tip += QLatin1Char(' ') + value_title.toLower();
    return tip;
}

QString chartCsv(const ChartData& data) {
    QStringList header{csvField(data.category_title)};
    for (const QString& s : data.series)
        header.append(csvField(s));
    QString csv = header.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int c = 0; c < data.categories.size(); ++c) {
        QStringList row{csvField(data.categories[c])};
        for (int s = 0; s < data.series.size(); ++s) {
            if (data.format(s) == ChartData::Format::Text)
                row.append(csvField(data.text(s, c)));
            else
                row.append(s < int(data.values.size())
                               ? exact(data.values[std::size_t(s)][std::size_t(c)])
                               : QString());
        }
        csv += row.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return csv;
}

}  // namespace encore::dashboards
