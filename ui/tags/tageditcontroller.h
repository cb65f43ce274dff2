#pragma once

#include "library/libraryindex.h"
#include "library/tagedit.h"

#include <QObject>

#include <optional>

class QAction;
class QMenu;

namespace encore {

class Engine;
class LibraryPage;
class TagEditorDialog;

// "Edit tags…" in the Library's menu, the editor dialog, and one undo step (Ctrl+Z on the
// window): the edit itself runs on the engine's scanner thread (Engine::editTags).
class TagEditController : public QObject {
    Q_OBJECT

public:
    TagEditController(Engine& engine, LibraryPage& library, QWidget* window);

    void setIndex(std::shared_ptr<const LibraryIndex> index) { index_ = std::move(index); }
    // Opens the editor for these tracks (CUE sheets' tracks are left out: the sheet is their tag).
    TagEditorDialog* edit(const QList<TrackId>& tracks);
    QAction* undoAction() const { return undo_; }
    const std::optional<TagEditReport>& lastEdit() const { return last_; }

Q_SIGNALS:
    void message(const QString& text);
    // The engine reported an edit (tests wait for it); problems are listed in a dialog too.
    void edited(const encore::TagEditReport& report);

private:
    void finished(const TagEditReport& report);

    Engine& engine_;
    QWidget* window_;
    std::shared_ptr<const LibraryIndex> index_;
    QAction* undo_;
    std::optional<TagEditReport> last_;
};

}  // namespace encore
