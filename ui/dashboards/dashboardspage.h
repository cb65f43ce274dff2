#pragma once

#include "core/track.h"
#include "stats/report/statsreport.h"
#include "stats/statsquery.h"
#include "store/database.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QTimer;

namespace encore::stats {
class StatsService;
}

namespace encore::dashboards {

class ChartCard;

// The Dashboards page: how you listen, in charts that state their answer. A period and a
// profile selector on top; the charts fill in one by one as the statistics worker (its own
// thread and connection) finishes them. Nothing is computed until the page is first shown;
// refresh() while hidden only marks it out of date.
class DashboardsPage : public QWidget {
    Q_OBJECT

public:
    enum class Period { Last4Weeks, Last3Months, Last12Months, ThisYear, AllTime };

    explicit DashboardsPage(Database database, QWidget* parent = nullptr);
    ~DashboardsPage() override;

    QList<ChartCard*> cards() const { return cards_; }
    ChartCard* card(const QString& key) const;
    // The last complete report (null before the first one).
    stats::StatsReportPtr report() const { return report_; }
    bool isComputing() const { return computing_; }
    Period period() const;
    void setPeriod(Period period);
    // kActiveProfile (the default), 0 for every profile, or a profile id.
    ProfileId profile() const { return profile_; }

public Q_SLOTS:
    // Listens were logged or a history was imported: recompute (incrementally read).
    void refresh();
    // Tracks were added, removed or retagged: read the library again, then recompute.
    void libraryChanged();
    // Reads the listening log in the background now, so that opening the page is quick.
    void preload();
    void setProfile(ProfileId profile);

Q_SIGNALS:
    // "See recommendations": the main window shows the Up Next page.
    void recommendationsRequested();
    // Every chart is filled in for the current period and profile.
    void updated();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void compute(bool libraryToo);
    void onPart(quint64 id, stats::StatsPart part, const stats::StatsReportPtr& report);
    void fillNextCard();
    void revealNextCard();
    void finish(const stats::StatsReportPtr& report);
    void onFinished(quint64 id, const stats::StatsReportPtr& report);
    void onFailed(quint64 id, const QString& message);
    void fillProfiles(const stats::StatsReport& report);
    stats::StatsQuery query() const;

    stats::StatsService* service_;
    QComboBox* period_;
    QComboBox* profiles_;
    QLabel* status_;
    QList<ChartCard*> cards_;
    // Cards whose part arrived, filled one per event-loop turn: Qt Charts needs several ms a
    // chart, and all at once would stall the window (issue 5: no GUI gap over 50 ms).
    QList<QPair<ChartCard*, stats::StatsReportPtr>> to_fill_;
    QTimer* fill_;
    QTimer* reveal_;  // shows charts filled while the page was hidden, one at a time
    stats::StatsReportPtr finished_;  // the request's report, announced once the cards are filled
    stats::StatsReportPtr report_;
    ProfileId profile_ = stats::kActiveProfile;
    quint64 request_ = 0;
    bool computing_ = false;
    bool stale_ = true;  // needs computing when next shown
    bool library_changed_ = false;
    bool filling_profiles_ = false;
};

}  // namespace encore::dashboards
