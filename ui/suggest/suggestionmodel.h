#pragma once

#include "suggest/suggestionprovider.h"

#include <QAbstractListModel>
#include <QList>

namespace encore {

// Suggestions as a list model: title and artist, the reason, the track id. A new list is
// applied in place (rows that stay are moved and updated, never reset), so the selection and
// the scroll position survive a new model or a new track: no flicker.
class SuggestionModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        TrackIdRole = Qt::UserRole + 1,
        TitleRole,
        ArtistRole,
        ReasonRole,
    };

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Turns the rows into `suggestions` with removes, moves, inserts and dataChanged only.
    // A track listed twice keeps its first place.
    void setSuggestions(const QList<Suggestion>& suggestions);
    // Takes the track's row out (the listener said "not for me"); false if it was not there.
    bool removeTrack(TrackId track);

    const QList<Suggestion>& suggestions() const { return rows_; }
    QList<TrackId> trackIds() const;
    int rowOf(TrackId track) const;
    TrackId trackIdAt(int row) const;

private:
    QList<Suggestion> rows_;
};

}  // namespace encore
