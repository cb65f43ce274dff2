#include "status/importreportdialog.h"

#include "history/formatnames.h"
#include "listens/listenwords.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace encore {

namespace {

QString number(qint64 n) {
    return Formatting::count(n);
}

QString listens(qint64 n) {
    return n == 1 ? ImportReportDialog::tr("1 listen")
                  : ImportReportDialog::tr("%1 listens").arg(number(n));
}

QTreeWidgetItem* fileItem(const FileImportReport& f) {
    auto* item = new QTreeWidgetItem;
    item->setText(ImportReportDialog::File, f.path.section(QLatin1Char('/'), -1));
    item->setToolTip(ImportReportDialog::File, f.path);
    item->setText(ImportReportDialog::Format, FormatNames::title(f.format));
    if (f.not_history) {
        item->setText(ImportReportDialog::Problem,
                      ImportReportDialog::tr("Holds no listens: passed over"));
        return item;
    }
    if (!f.ok()) {
        item->setIcon(ImportReportDialog::File, Icons::get(QStringLiteral("dialog-warning")));
        item->setText(ImportReportDialog::Problem, f.error);
        item->setToolTip(ImportReportDialog::Problem, f.error);
        return item;
    }
    item->setText(ImportReportDialog::Matched, number(f.matched));
    item->setText(ImportReportDialog::Unmatched, number(f.unmatched));
    item->setText(ImportReportDialog::Plays, number(f.plays));
    item->setToolTip(ImportReportDialog::Plays,
                     ImportReportDialog::tr("%1 of the %2 listens added count as plays; the others "
                                            "were skipped or stopped short.")
                             .arg(number(f.plays), number(f.added())) +
                         QLatin1Char('\n') + listenwords::play());
    item->setText(ImportReportDialog::Duplicates, number(f.duplicates));
    item->setText(ImportReportDialog::LeftOut, number(f.skipped()));
    for (int c = ImportReportDialog::Matched; c <= ImportReportDialog::LeftOut; ++c)
        item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
    QStringList leftOut;
    if (f.not_music)
        leftOut << ImportReportDialog::tr("%1 podcast or other non-music records")
                       .arg(number(f.not_music));
    if (f.private_listens)
        leftOut << ImportReportDialog::tr("%1 listens the service marked private")
                       .arg(number(f.private_listens));
    if (f.invalid)
        leftOut << ImportReportDialog::tr("%1 unreadable records").arg(number(f.invalid));
    if (!leftOut.isEmpty())
        item->setToolTip(ImportReportDialog::LeftOut, leftOut.join(QLatin1Char('\n')));
    for (const QString& warning : f.warnings) {
        auto* child = new QTreeWidgetItem(item);
        child->setText(ImportReportDialog::File, warning);
        child->setToolTip(ImportReportDialog::File, warning);
        child->setFirstColumnSpanned(true);
    }
    return item;
}

}  // namespace

namespace {

// "into Anna's history" / "into the histories of Anna and Ben" (none: the active profile's).
QString into(const QStringList& profiles) {
    if (profiles.isEmpty())
        return QString();
    if (profiles.size() == 1)
        return ImportReportDialog::tr(" to %1's history").arg(profiles.first());
    QStringList head = profiles.mid(0, profiles.size() - 1);
    return ImportReportDialog::tr(" to the histories of %1 and %2")
        .arg(head.join(QStringLiteral(", ")), profiles.last());
}

QString playsAndSkips(const FileImportReport& total) {
    const qint64 skips = total.skipsAndShort();
    const QString plays = total.plays == 1
                              ? ImportReportDialog::tr("1 play")
                              : ImportReportDialog::tr("%1 plays").arg(number(total.plays));
    if (skips == 0)
        return plays;
    return skips == 1 ? ImportReportDialog::tr("%1 and 1 skipped or short listen").arg(plays)
                      : ImportReportDialog::tr("%1 and %2 skipped or short listens")
                            .arg(plays, number(skips));
}

}  // namespace

QString ImportReportDialog::shortSummary(const ImportReport& report) {
    const FileImportReport total = report.total();
    const int failed = report.failedFiles();
    QString text = total.added() > 0 ? tr("Imported %1").arg(listens(total.added()))
                   : failed == 0     ? tr("Import: nothing new")
                                     : tr("Import failed");
    if (failed > 0 && total.added() > 0)
        text += failed == 1 ? tr(" · 1 file failed") : tr(" · %1 files failed").arg(failed);
    return text;
}

QString ImportReportDialog::summary(const ImportReport& report) {
    const FileImportReport total = report.total();
    const int failed = report.failedFiles();
    QString text;
    if (total.added() > 0)
        text = tr("History imported: %1 added%2 (%3)")
                   .arg(listens(total.added()), into(total.profiles), playsAndSkips(total));
    else if (failed == 0)
        text = tr("History import: nothing new");
    else
        text = tr("History import failed");
    if (total.duplicates > 0)
        text += tr(" · %1 already there").arg(number(total.duplicates));
    if (failed > 0)
        text += failed == 1 ? tr(" · 1 file could not be imported")
                            : tr(" · %1 files could not be imported").arg(failed);
    return text;
}

ImportReportDialog::ImportReportDialog(const ImportReport& report, QWidget* parent)
    : QDialog(parent), intro_(new QLabel(this)), list_(new QTreeWidget(this)) {
    setWindowTitle(tr("Listening history imported"));
    const FileImportReport total = report.total();
    QString text = tr("%1 added%2: %3. %4 of songs in your library, %5 of songs that are not "
                      "(kept, and linked when their files appear).")
                       .arg(listens(total.added()), into(total.profiles), playsAndSkips(total),
                            number(total.matched), number(total.unmatched));
    // "Already there" only when some were: a first import has none.
    if (total.duplicates > 0)
        text += QLatin1Char(' ') +
                (total.duplicates == 1
                     ? tr("1 listen was already in the history.")
                     : tr("%1 listens were already in the history.").arg(number(total.duplicates)));
    if (total.skipped() > 0)
        text += QLatin1Char(' ') + tr("%1 records were left out.").arg(number(total.skipped()));
    if (report.failedFiles() > 0)
        text += QLatin1Char(' ') +
                tr("Files with a problem were not imported at all; the others were.");
    intro_->setText(text);
    intro_->setWordWrap(true);

    list_->setColumnCount(ColumnCount);
    list_->setHeaderLabels({tr("File"), tr("Format"), tr("In library"), tr("Not in library"),
                            tr("Plays"), tr("Already there"), tr("Left out"), tr("Problem")});
    list_->headerItem()->setToolTip(Plays, listenwords::play());
    list_->setUniformRowHeights(true);
    list_->setAlternatingRowColors(true);
    list_->header()->setSectionResizeMode(QHeaderView::Interactive);
    list_->header()->setStretchLastSection(true);
    list_->setColumnWidth(File, 230);
    list_->setColumnWidth(Format, 210);
    for (int c = Matched; c <= LeftOut; ++c)
        list_->setColumnWidth(c, 95);
    for (const FileImportReport& f : report.files)
        list_->addTopLevelItem(fileItem(f));

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy report"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] {
        QStringList lines{intro_->text()};
        for (int i = 0; i < list_->topLevelItemCount(); ++i) {
            QStringList cells;
            for (int c = 0; c < ColumnCount; ++c)
                cells << list_->topLevelItem(i)->text(c);
            lines << cells.join(QLatin1Char('\t'));
        }
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro_);
    layout->addWidget(list_, 1);
    layout->addWidget(buttons);
    resize(980, 420);
}

QString ImportReportDialog::summaryText() const {
    return intro_->text();
}

}  // namespace encore
