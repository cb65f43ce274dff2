#include "tageditcontroller.h"

#include "browse/librarypage.h"
#include "engine.h"
#include "tags/tageditordialog.h"
#include "widgets/formatting.h"
#include "widgets/icons.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>

namespace encore {

namespace {

constexpr int kProblemsListed = 20;

}  // namespace

TagEditController::TagEditController(Engine& engine, LibraryPage& library, QWidget* window)
    : QObject(window)
    , engine_(engine)
    , window_(window)
    , undo_(new QAction(tr("Undo the tag edit"), this)) {
    undo_->setShortcut(QKeySequence::Undo);
    undo_->setEnabled(false);
    window->addAction(undo_);
    connect(undo_, &QAction::triggered, this, [this] {
        if (!last_)
            return;
        undo_->setEnabled(false);
        engine_.undoTagEdit(*std::exchange(last_, std::nullopt));
    });
    connect(&engine_, &Engine::tagsEdited, this, &TagEditController::finished);
    library.addMenuExtension([this](QMenu& menu, const QList<TrackId>& selected) {
        menu.addAction(Icons::get(QStringLiteral("document-edit")),
                       selected.size() == 1 ? tr("Edit tags…")
                                            : tr("Edit tags of %1 songs…").arg(selected.size()),
                       this, [this, selected] { edit(selected); });
        if (undo_->isEnabled())
            menu.addAction(undo_);
    });
}

TagEditorDialog* TagEditController::edit(const QList<TrackId>& tracks) {
    if (!index_)
        return nullptr;
    QStringList paths;
    int sheets = 0;
    for (const TrackId id : tracks) {
        const int row = index_->rowOf(id);
        if (row < 0)
            continue;
        if (index_->isRange(row))
            ++sheets;  // its tags are the CUE sheet's lines
        else
            paths << index_->path(row);
    }
    paths.removeDuplicates();
    if (sheets > 0)
        Q_EMIT message(tr("%1 songs come from CUE sheets: edit the .cue file to change their "
                          "tags.")
                           .arg(sheets));
    if (paths.isEmpty())
        return nullptr;
    auto* dialog = new TagEditorDialog(paths, window_);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const TagChange change = dialog->change();
        if (change.isEmpty())
            return;
        Q_EMIT message(tr("Saving the tags of %1…").arg(Formatting::songs(dialog->paths().size())));
        engine_.editTags(dialog->paths(), change);
    });
    dialog->open();
    return dialog;
}

void TagEditController::finished(const TagEditReport& report) {
    if (!report.written.isEmpty() && !report.undo) {
        last_ = report;
        undo_->setEnabled(true);
    }
    const int written = int(report.written.size());
    QString text = report.undo ? tr("Undid the tag edit of %1 files").arg(written)
                               : tr("Saved the tags of %1 files").arg(written);
    if (!report.failed.isEmpty())
        text += tr("; %1 could not be written (listed)").arg(report.failed.size());
    Q_EMIT message(text);
    if (!report.failed.isEmpty()) {
        QStringList lines;
        for (int i = 0; i < report.failed.size() && i < kProblemsListed; ++i)
            lines << report.failed[i].second;
        if (report.failed.size() > kProblemsListed)
            lines << tr("… and %1 more.").arg(report.failed.size() - kProblemsListed);
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("Some tags were not written"),
                            tr("These files were left as they were:"), QMessageBox::Ok, window_);
        box->setObjectName(QStringLiteral("tagEditProblems"));
        box->setDetailedText(lines.join(QLatin1Char('\n')));
        box->setInformativeText(lines.mid(0, 3).join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT edited(report);
}

}  // namespace encore
