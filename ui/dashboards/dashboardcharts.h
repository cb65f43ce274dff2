#pragma once

// What each dashboard shows, made from a statistics report: the cards, the part of the report
// each one needs, and its headline, caption and chart data.

#include "dashboards/chartdata.h"
#include "stats/report/statsreport.h"

#include <QString>

#include <vector>

namespace encore::dashboards {

struct CardSpec {
    const char* key;
    ChartData::Kind kind;
    stats::StatsPart part;
};

// Every dashboard, in page order.
const std::vector<CardSpec>& dashboardCards();

struct CardContent {
    QString headline;
    QString caption;  // what is counted, in plain words
    ChartData data;
    QString details;  // the method, interval and test, under "Details"; may be empty
};

// The content of card `key` from a report that has the card's part.
CardContent cardContent(const QString& key, const stats::StatsReport& report);

}  // namespace encore::dashboards
