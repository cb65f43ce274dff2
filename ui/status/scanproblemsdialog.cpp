#include "status/scanproblemsdialog.h"

#include "widgets/formatting.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace encore {

ScanProblemsDialog::ScanProblemsDialog(const ScanReport& report, QWidget* parent)
    : QDialog(parent), list_(new QTreeWidget(this)) {
    setWindowTitle(tr("Files Encore could not read"));
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    QStringList sentences;
    if (report.errors > 0 || report.damaged_tags == 0)
        sentences << tr("%1 files could not be added to the library. Encore will try them again "
                        "when they change.")
                         .arg(Formatting::count(report.errors));
    if (report.damaged_tags > 0)
        sentences << tr(
            "%n files were added with a tag TagLib could not read whole; what could "
            "be read was kept.",
            nullptr, report.damaged_tags);
    QString text = sentences.join(QLatin1Char(' '));
    if (report.errors + report.damaged_tags > report.problems.size())
        text += QLatin1Char(' ') +
                tr("The first %1 are listed.").arg(Formatting::count(report.problems.size()));
    intro->setText(text);

    list_->setColumnCount(2);
    list_->setHeaderLabels({tr("File"), tr("Problem")});
    list_->setRootIsDecorated(false);
    list_->setUniformRowHeights(true);
    list_->setAlternatingRowColors(true);
    list_->header()->setSectionResizeMode(QHeaderView::Interactive);
    list_->setColumnWidth(0, 420);
    QList<QTreeWidgetItem*> items;
    for (const ScanProblem& p : report.problems) {
        auto* item = new QTreeWidgetItem({p.path, p.reason});
        item->setToolTip(0, p.path);
        item->setToolTip(1, p.reason);
        items.append(item);
    }
    list_->addTopLevelItems(items);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* copy = buttons->addButton(tr("Copy list"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [report] {
        QStringList lines;
        for (const ScanProblem& p : report.problems)
            lines << p.path + QLatin1Char('\t') + p.reason;
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list_, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

}  // namespace encore
