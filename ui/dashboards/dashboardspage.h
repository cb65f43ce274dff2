#pragma once

#include "core/track.h"
#include "stats/recap/recap.h"
#include "stats/report/statsreport.h"
#include "stats/statsquery.h"
#include "store/database.h"

#include <QImage>
#include <QList>
#include <QWidget>

#include <functional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QStackedWidget;
class QTimer;

namespace encore::stats {
class StatsService;
}

namespace encore::dashboards {

class ChartCard;
class RecapView;

// The Dashboards page: how you listen, in charts that state their answer. A period and a
// profile selector on top; the charts fill in one by one as the statistics worker (its own
// thread and connection) finishes them. Nothing is computed until the page is first shown;
// refresh() while hidden only marks it out of date. "Your month" and "Your year" show the
// recap of one month or year in place of the charts (RecapView).
class DashboardsPage : public QWidget {
    Q_OBJECT

public:
    enum class Period { Last4Weeks, Last3Months, Last12Months, ThisYear, AllTime };
    enum class View { Charts, Month, Year };

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

    View view() const { return view_; }
    void setView(View view);
    RecapView* recapView() const { return recap_; }
    // The month or year the recap shows (the running one at first).
    void setRecapPeriod(int year, int month);
    // The last recap shown (null before the first).
    stats::RecapPtr recap() const { return recap_shown_; }
    // Where the recap's covers come from (the library's cover cache in the app).
    void setCoverSource(std::function<QImage(TrackId)> source);
    void coversChanged();

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
    // The recap of the month or year asked for is shown.
    void recapShown();

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
    void onRecap(quint64 id, const stats::RecapPtr& recap);
    void stepRecap(int direction);
    stats::RecapQuery recapQuery() const;
    void fillProfiles(const stats::StatsReport& report);
    stats::StatsQuery query() const;

    stats::StatsService* service_;
    QComboBox* period_;
    QComboBox* profiles_;
    QLabel* status_;
    QButtonGroup* views_;
    QStackedWidget* stack_;
    QWidget* charts_;
    RecapView* recap_;
    QList<QWidget*> chart_controls_;  // the period selector: hidden with the recap
    QList<ChartCard*> cards_;
    // Cards whose part arrived, filled one per event-loop turn: Qt Charts needs several ms a
    // chart, and all at once would stall the window (issue 5: no GUI gap over 50 ms).
    QList<QPair<ChartCard*, stats::StatsReportPtr>> to_fill_;
    QTimer* fill_;
    QTimer* reveal_;  // shows charts filled while the page was hidden, one at a time
    stats::StatsReportPtr finished_;  // the request's report, announced once the cards are filled
    stats::StatsReportPtr report_;
    stats::RecapPtr recap_shown_;
    View view_ = View::Charts;
    int recap_year_ = 0;
    int recap_month_ = 0;
    ProfileId profile_ = stats::kActiveProfile;
    quint64 request_ = 0;
    bool computing_ = false;
    bool stale_ = true;  // needs computing when next shown
    bool library_changed_ = false;
    bool filling_profiles_ = false;
};

}  // namespace encore::dashboards
