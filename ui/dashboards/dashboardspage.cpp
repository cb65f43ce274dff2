#include "dashboards/dashboardspage.h"

#include "dashboards/chartcard.h"
#include "dashboards/dashboardcharts.h"
#include "dashboards/recapview.h"
#include "listens/listenwords.h"
#include "stats/statsservice.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace encore::dashboards {

namespace {

constexpr int kColumns = 2;
constexpr qint64 kDay = 86400;
// Between two cards: a zero-length timer lets Qt run the next card before other timers and
// input, so a dozen cards' layouts and paints would still come as one long stall.
constexpr int kFillSpacingMs = 5;

}  // namespace

DashboardsPage::DashboardsPage(Database database, QWidget* parent)
    : QWidget(parent)
    , service_(new stats::StatsService(std::move(database), this))
    , period_(new QComboBox(this))
    , profiles_(new QComboBox(this))
    , status_(new QLabel(this))
    , views_(new QButtonGroup(this))
    , stack_(new QStackedWidget(this))
    , recap_(new RecapView(this))
    , fill_(new QTimer(this))
    , reveal_(new QTimer(this)) {
    reveal_->setSingleShot(true);
    reveal_->setInterval(kFillSpacingMs);
    connect(reveal_, &QTimer::timeout, this, &DashboardsPage::revealNextCard);
    fill_->setSingleShot(true);
    fill_->setInterval(kFillSpacingMs);
    connect(fill_, &QTimer::timeout, this, &DashboardsPage::fillNextCard);
    period_->addItem(tr("Last 4 weeks"), int(Period::Last4Weeks));
    period_->addItem(tr("Last 3 months"), int(Period::Last3Months));
    period_->addItem(tr("Last 12 months"), int(Period::Last12Months));
    period_->addItem(tr("This year"), int(Period::ThisYear));
    period_->addItem(tr("All time"), int(Period::AllTime));
    period_->setCurrentIndex(period_->findData(int(Period::AllTime)));
    period_->setAccessibleName(tr("Period"));
    profiles_->addItem(tr("Active profile"), QVariant::fromValue<qint64>(stats::kActiveProfile));
    profiles_->setAccessibleName(tr("Profile"));
    profiles_->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // "Romain (active)" in full
    period_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* recommendations = new QPushButton(tr("See recommendations"), this);
    recommendations->setToolTip(tr("What to play next, from the same listening history"));
    connect(recommendations, &QPushButton::clicked, this,
            &DashboardsPage::recommendationsRequested);
    connect(period_, &QComboBox::currentIndexChanged, this, [this] { compute(false); });
    connect(profiles_, &QComboBox::currentIndexChanged, this, [this] {
        if (filling_profiles_)
            return;
        profile_ = profiles_->currentData().value<qint64>();
        compute(false);
    });

    const QDate today = QDate::currentDate();
    recap_year_ = today.year();
    recap_month_ = today.month();
    auto* bar = new QHBoxLayout;
    const struct {
        View view;
        QString text;
        QString tip;
    } kViews[] = {
        {View::Charts, tr("Charts"), tr("Every chart of the period")},
        {View::Month, tr("Your month"), tr("One month at a glance: favourites, hours, finds")},
        {View::Year, tr("Your year"), tr("One year at a glance: favourites, hours, finds")},
    };
    for (const auto& v : kViews) {
        auto* button = new QToolButton(this);
        button->setText(v.text);
        button->setToolTip(v.tip);
        button->setCheckable(true);
        button->setChecked(v.view == View::Charts);
        button->setObjectName(v.view == View::Charts  ? QStringLiteral("view-charts")
                              : v.view == View::Month ? QStringLiteral("view-month")
                                                      : QStringLiteral("view-year"));
        views_->addButton(button, int(v.view));
        bar->addWidget(button);
    }
    views_->setExclusive(true);
    connect(views_, &QButtonGroup::idClicked, this, [this](int id) { setView(View(id)); });
    auto* periodLabel = new QLabel(tr("Period:"), this);
    chart_controls_ = {periodLabel, period_};
    bar->addSpacing(12);
    bar->addWidget(periodLabel);
    bar->addWidget(period_);
    bar->addWidget(new QLabel(tr("Profile:"), this));
    bar->addWidget(profiles_);
    bar->addWidget(status_, 1);
    bar->addWidget(recommendations);

    auto* content = new QWidget;
    auto* grid = new QGridLayout(content);
    int i = 0;
    for (const CardSpec& spec : dashboardCards()) {
        auto* card = new ChartCard(QString::fromLatin1(spec.key), spec.kind, content);
        grid->addWidget(card, i / kColumns, i % kColumns);
        cards_.append(card);
        ++i;
    }
    for (int c = 0; c < kColumns; ++c)
        grid->setColumnStretch(c, 1);  // equal columns: a card's text never changes its width
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    // A scroll bar that came and went would change every chart's width, and so relayout it.
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    scroll->setFrameShape(QFrame::NoFrame);
    charts_ = scroll;
    stack_->addWidget(scroll);
    stack_->addWidget(recap_);
    connect(recap_, &RecapView::previousRequested, this, [this] { stepRecap(-1); });
    connect(recap_, &RecapView::nextRequested, this, [this] { stepRecap(1); });
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(stack_, 1);

    connect(service_, &stats::StatsService::partReady, this, &DashboardsPage::onPart);
    connect(service_, &stats::StatsService::finished, this, &DashboardsPage::onFinished);
    connect(service_, &stats::StatsService::failed, this, &DashboardsPage::onFailed);
    connect(service_, &stats::StatsService::recapReady, this, &DashboardsPage::onRecap);
}

DashboardsPage::~DashboardsPage() = default;

ChartCard* DashboardsPage::card(const QString& key) const {
    for (ChartCard* c : cards_) {
        if (c->key() == key)
            return c;
    }
    return nullptr;
}

DashboardsPage::Period DashboardsPage::period() const {
    return Period(period_->currentData().toInt());
}

void DashboardsPage::setPeriod(Period period) {
    period_->setCurrentIndex(period_->findData(int(period)));
}

void DashboardsPage::setProfile(ProfileId profile) {
    const int index = profiles_->findData(QVariant::fromValue<qint64>(profile));
    profile_ = profile;
    if (index >= 0 && index != profiles_->currentIndex()) {
        profiles_->setCurrentIndex(index);  // computes
        return;
    }
    compute(false);
}

void DashboardsPage::setView(View view) {
    if (auto* button = views_->button(int(view)))
        button->setChecked(true);
    if (view == view_)
        return;
    view_ = view;
    stack_->setCurrentWidget(view == View::Charts ? charts_ : static_cast<QWidget*>(recap_));
    for (QWidget* w : chart_controls_)
        w->setVisible(view == View::Charts);
    compute(false);
}

void DashboardsPage::setRecapPeriod(int year, int month) {
    recap_year_ = year;
    recap_month_ = std::clamp(month, 1, 12);
    if (view_ != View::Charts)
        compute(false);
}

void DashboardsPage::setCoverSource(std::function<QImage(TrackId)> source) {
    recap_->setCoverSource(std::move(source));
}

void DashboardsPage::coversChanged() {
    // The album grid's covers arrive by the hundred while it scrolls: a hidden recap looks
    // its three up again when it is shown, not on each one.
    if (view_ != View::Charts && isVisible())
        recap_->coversChanged();
}

void DashboardsPage::stepRecap(int direction) {
    if (view_ == View::Year) {
        recap_year_ += direction;
    } else {
        const int months = recap_year_ * 12 + (recap_month_ - 1) + direction;
        recap_year_ = months / 12;
        recap_month_ = months % 12 + 1;
    }
    compute(false);
}

stats::RecapQuery DashboardsPage::recapQuery() const {
    stats::RecapQuery q;
    q.profile_id = profile_;
    q.span = view_ == View::Year ? stats::RecapSpan::Year : stats::RecapSpan::Month;
    q.year = recap_year_;
    q.month = recap_month_;
    q.offset_minutes = QDateTime::currentDateTime().offsetFromUtc() / 60;
    return q;
}

void DashboardsPage::onRecap(quint64 id, const stats::RecapPtr& recap) {
    if (id != request_)
        return;
    computing_ = false;
    recap_shown_ = recap;
    recap_->setRecap(*recap);
    const QDate today = QDate::currentDate();
    recap_->setNextEnabled(view_ == View::Year ? recap_year_ < today.year()
                                               : recap_year_ * 12 + recap_month_ <
                                                     today.year() * 12 + today.month());
    status_->setText(
        tr("%1 plays in %2").arg(QLocale().toString(recap->plays), recap->period_name));
    status_->setToolTip(listenwords::all());
    Q_EMIT recapShown();
}

void DashboardsPage::refresh() {
    compute(false);
}

void DashboardsPage::libraryChanged() {
    compute(true);
}

void DashboardsPage::preload() {
    service_->preload();
}

void DashboardsPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!reveal_->isActive())
        reveal_->start();  // charts filled while the page was hidden
    if (stale_)
        compute(false);
    else if (view_ != View::Charts)
        recap_->coversChanged();  // covers that came while the page was hidden
}

stats::StatsQuery DashboardsPage::query() const {
    stats::StatsQuery q;
    q.profile_id = profile_;
    const QDateTime now = QDateTime::currentDateTime();
    const qint64 seconds = now.toSecsSinceEpoch();
    switch (period()) {
        case Period::Last4Weeks:
            q.since = seconds - 28 * kDay;
            break;
        case Period::Last3Months:
            q.since = now.addMonths(-3).toSecsSinceEpoch();
            break;
        case Period::Last12Months:
            q.since = now.addYears(-1).toSecsSinceEpoch();
            break;
        case Period::ThisYear:
            q.since = QDateTime(QDate(now.date().year(), 1, 1), QTime(0, 0)).toSecsSinceEpoch();
            break;
        case Period::AllTime:
            break;
    }
    return q;
}

void DashboardsPage::compute(bool libraryToo) {
    library_changed_ = library_changed_ || libraryToo;
    if (!isVisible()) {
        stale_ = true;  // computed when shown: no work for a page nobody looks at
        return;
    }
    stale_ = false;
    computing_ = true;
    const auto scope = library_changed_ ? stats::StatsService::Scope::Everything
                                        : stats::StatsService::Scope::Plays;
    if (view_ != View::Charts) {
        status_->setText(tr("Updating..."));
        request_ = service_->requestRecap(recapQuery(), scope);
        library_changed_ = false;
        return;
    }
    to_fill_.clear();
    finished_.reset();
    status_->setText(tr("Updating..."));
    for (ChartCard* c : cards_)
        c->setPending(true);
    request_ = service_->request(query(), scope);
    library_changed_ = false;
}

void DashboardsPage::fillProfiles(const stats::StatsReport& report) {
    filling_profiles_ = true;
    profiles_->clear();
    profiles_->addItem(tr("Every profile"), QVariant::fromValue<qint64>(0));
    for (const stats::ProfileRef& p : report.profiles)
        profiles_->addItem(p.active ? tr("%1 (active)").arg(p.name) : p.name,
                           QVariant::fromValue<qint64>(p.id));
    // The active profile was asked for: show which one it is.
    const ProfileId shown =
        profile_ == stats::kActiveProfile ? report.overview.profile_id : profile_;
    profiles_->setCurrentIndex(
        std::max(0, profiles_->findData(QVariant::fromValue<qint64>(shown))));
    filling_profiles_ = false;
}

void DashboardsPage::onPart(quint64 id, stats::StatsPart part,
                            const stats::StatsReportPtr& report) {
    if (id != request_)
        return;
    if (part == stats::StatsPart::Overview)
        fillProfiles(*report);
    for (ChartCard* c : cards_) {
        const auto spec =
            std::find_if(dashboardCards().begin(), dashboardCards().end(),
                         [&](const CardSpec& s) { return c->key() == QLatin1String(s.key); });
        if (spec == dashboardCards().end() || spec->part != part)
            continue;
        auto queued = std::find_if(to_fill_.begin(), to_fill_.end(),
                                   [c](const auto& entry) { return entry.first == c; });
        if (queued != to_fill_.end())
            queued->second = report;  // a newer report for a card still waiting
        else
            to_fill_.append({c, report});
    }
    // One card at a time: a card's chart is made, laid out and painted on its own (cards keep
    // their width, so a neighbour's new text never resizes a chart).
    if (!to_fill_.isEmpty() && !fill_->isActive())
        fill_->start();
}

void DashboardsPage::revealNextCard() {
    if (!isVisible())
        return;  // the next show goes on
    for (ChartCard* c : cards_) {
        if (c->needsReveal()) {
            c->reveal();
            reveal_->start();
            return;
        }
    }
}

void DashboardsPage::fillNextCard() {
    if (!to_fill_.isEmpty()) {
        const auto [card, report] = to_fill_.takeFirst();
        const CardContent content = cardContent(card->key(), *report);
        card->setData(content.data);
        card->setHeadline(content.headline);
        card->setCaption(content.caption);
        card->setDetails(content.details);
        if (isVisible())
            card->reveal();
        else
            card->conceal();
    }
    if (!to_fill_.isEmpty()) {
        fill_->start();
        return;
    }
    if (finished_) {
        const stats::StatsReportPtr report = std::move(finished_);
        finished_.reset();
        finish(report);
    }
}

void DashboardsPage::onFinished(quint64 id, const stats::StatsReportPtr& report) {
    if (id != request_)
        return;
    if (!to_fill_.isEmpty()) {
        finished_ = report;  // announced when the last card is filled
        return;
    }
    finish(report);
}

void DashboardsPage::finish(const stats::StatsReportPtr& report) {
    report_ = report;
    computing_ = false;
    const stats::Overview& o = report->overview;
    status_->setText(
        tr("%1 plays of %2 (%3 listens)")
            .arg(QLocale().toString(o.plays), o.profile, QLocale().toString(o.listens)));
    status_->setToolTip(listenwords::all());
    Q_EMIT updated();
}

void DashboardsPage::onFailed(quint64 id, const QString& message) {
    if (id != request_)
        return;
    computing_ = false;
    status_->setText(tr("The statistics could not be computed: %1").arg(message));
}

}  // namespace encore::dashboards
