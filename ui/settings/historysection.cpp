#include "settings/historysection.h"

#include "engine.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace encore {

namespace {

QLabel* note(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString listens(qint64 n) {
    return n == 1 ? HistorySection::tr("1 listen")
                  : HistorySection::tr("%1 listens").arg(Formatting::count(n));
}

}  // namespace

QString HistorySection::fileFilter() {
    return tr(
        "Listening histories (*.json *.jsonl *.ndjson *.csv *.tsv *.txt *.log *.zip);;"
        "All files (*)");
}

HistorySection::HistorySection(Engine& engine, QWidget* parent)
    : QGroupBox(tr("Listening history"), parent)
    , engine_(engine)
    , import_files_(new QPushButton(tr("Import files…"), this))
    , import_folder_(new QPushButton(tr("Import a folder…"), this))
    , from_(new QDateEdit(QDate::currentDate(), this))
    , to_(new QDateEdit(QDate::currentDate(), this))
    , count_(new QLabel(this))
    , delete_(new QPushButton(tr("Delete…"), this)) {
    import_files_->setIcon(Icons::get(QStringLiteral("document-open-recent")));
    import_folder_->setIcon(Icons::get(QStringLiteral("folder")));
    auto* importRow = new QHBoxLayout;
    importRow->addWidget(import_files_);
    importRow->addWidget(import_folder_);
    importRow->addStretch();

    // The locale's short date, with the year in full (a two-digit year is ambiguous here).
    QString format = QLocale().dateFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("yyyy")))
        format.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    for (QDateEdit* edit : {from_, to_}) {
        edit->setCalendarPopup(true);
        edit->setMaximumDate(QDate::currentDate().addDays(1));
        edit->setDisplayFormat(format);
    }
    delete_->setIcon(Icons::get(QStringLiteral("edit-clear-all")));
    auto* deleteRow = new QHBoxLayout;
    deleteRow->addWidget(new QLabel(tr("Delete listens from"), this));
    deleteRow->addWidget(from_);
    deleteRow->addWidget(new QLabel(tr("to"), this));
    deleteRow->addWidget(to_);
    deleteRow->addWidget(delete_);
    deleteRow->addStretch();
    count_->setForegroundRole(QPalette::PlaceholderText);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(importRow);
    layout->addWidget(note(tr("Spotify (account data and extended history, as the .zip or its "
                              "files), Last.fm and Libre.fm CSV, ListenBrainz, Maloja, Pano "
                              "Scrobbler and Rockbox .scrobbler.log. Listens of songs that are "
                              "not in your library are kept and linked when the files appear. "
                              "Importing the same export again adds nothing."),
                           this));
    layout->addSpacing(8);
    layout->addLayout(deleteRow);
    layout->addWidget(count_);

    connect(import_files_, &QPushButton::clicked, this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Import listening history"), QDir::homePath(), fileFilter());
        if (!files.isEmpty())
            Q_EMIT importRequested(files);
    });
    connect(import_folder_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Import the listening history in a folder"), QDir::homePath());
        if (!dir.isEmpty())
            Q_EMIT importRequested({dir});
    });
    connect(from_, &QDateEdit::dateChanged, this, [this](const QDate& date) {
        if (to_->date() < date)
            to_->setDate(date);
        recount();
    });
    connect(to_, &QDateEdit::dateChanged, this, [this](const QDate& date) {
        if (from_->date() > date)
            from_->setDate(date);
        recount();
    });
    connect(delete_, &QPushButton::clicked, this, &HistorySection::requestDelete);
    connect(&engine_, &Engine::historyChanged, this, &HistorySection::recount);
    connect(&engine_, &Engine::playLogged, this, &HistorySection::recount);
    connect(&engine_, &Engine::activeProfileChanged, this, &HistorySection::recount);
    connect(&engine_, &Engine::importStarted, this, &HistorySection::updateImportButtons);
    connect(&engine_, &Engine::importFinished, this, &HistorySection::updateImportButtons);
    recount();
}

void HistorySection::updateImportButtons() {
    const bool idle = !engine_.isImporting();
    import_files_->setEnabled(idle);
    import_folder_->setEnabled(idle);
}

std::pair<qint64, qint64> HistorySection::range() const {
    const qint64 since = QDateTime(from_->date(), QTime(0, 0)).toSecsSinceEpoch();
    const qint64 until = QDateTime(to_->date().addDays(1), QTime(0, 0)).toSecsSinceEpoch();
    return {since, until};
}

void HistorySection::setRange(const QDate& from, const QDate& to) {
    from_->setDate(from);
    to_->setDate(to);
}

QString HistorySection::rangeCountText() const {
    return count_->text();
}

void HistorySection::recount() {
    const auto [since, until] = range();
    const quint64 request = ++count_request_;
    range_count_ = -1;
    delete_->setEnabled(false);
    auto* watcher = new QFutureWatcher<Result<qint64>>(this);
    connect(watcher, &QFutureWatcher<Result<qint64>>::finished, this, [this, watcher, request] {
        const Result<qint64> n = watcher->result();
        watcher->deleteLater();
        if (request != count_request_)
            return;
        if (!n) {
            count_->setText(n.error());
            return;
        }
        range_count_ = n.value();
        count_->setText(
            range_count_ == 0
                ? tr("No listens of %1 in these days.").arg(engine_.activeProfile().name)
                : tr("%1 of %2 in these days.")
                      .arg(listens(range_count_), engine_.activeProfile().name));
        delete_->setEnabled(range_count_ > 0);
    });
    watcher->setFuture(engine_.countListens(engine_.activeProfile().id, since, until));
}

QMessageBox* HistorySection::requestDelete() {
    if (range_count_ <= 0)
        return nullptr;
    const auto [since, until] = range();
    const QLocale locale;
    const QString days = from_->date() == to_->date()
                             ? tr("on %1").arg(locale.toString(from_->date(), QLocale::LongFormat))
                             : tr("from %1 to %2")
                                   .arg(locale.toString(from_->date(), QLocale::LongFormat),
                                        locale.toString(to_->date(), QLocale::LongFormat));
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Delete listening history"),
        tr("Delete %1 of %2 %3? Statistics and recommendations forget them too. This cannot be "
           "undone.")
            .arg(listens(range_count_), engine_.activeProfile().name, days),
        QMessageBox::Cancel, this);
    QPushButton* remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const ProfileId profile = engine_.activeProfile().id;
    connect(box, &QMessageBox::buttonClicked, this,
            [this, remove, profile, since = since, until = until](QAbstractButton* b) {
                if (b != remove)
                    return;
                ForgetQuery query;
                query.profile_id = profile;
                query.since = since;
                query.until = until;
                engine_.forgetHistory(query);
            });
    box->open();
    return box;
}

}  // namespace encore
