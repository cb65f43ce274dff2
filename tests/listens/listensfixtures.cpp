#include "listensfixtures.h"

namespace encore::fx {

QByteArray albumTies() {
    return QByteArray(
        "{\"listened_at\": 1700000000, \"track_metadata\": {\"artist_name\": \"Nina Simone\", "
        "\"track_name\": \"Feeling Good\", \"release_name\": \"Live at Montreux\"}}\n"
        "{\"listened_at\": 1700001000, \"track_metadata\": {\"artist_name\": \"Nina Simone\", "
        "\"track_name\": \"Feeling Good (Remastered 2011)\"}}\n"
        "");
}

QByteArray cliHistory() {
    return QByteArray(
        "[\n"
        "  {\"endTime\": \"2024-05-01 10:04\", \"artistName\": \"Nina Simone\", \"trackName\": "
        "\"Feeling Good\", \"msPlayed\": 240000},\n"
        "  {\"endTime\": \"2024-05-01 10:05\", \"artistName\": \"Muse\", \"trackName\": "
        "\"Uprising\", \"msPlayed\": 20000},\n"
        "  {\"endTime\": \"2024-05-02 09:00\", \"artistName\": \"Muse\", \"trackName\": "
        "\"Hysteria\", \"msPlayed\": 227000},\n"
        "  {\"endTime\": \"2024-05-03 09:00\", \"artistName\": \"Muse\", \"trackName\": "
        "\"Uprising\", \"msPlayed\": 305000}\n"
        "]");
}

QByteArray lbBeatles() {
    return QByteArray(
        "{\"listened_at\": 1748964167, \"track_metadata\": {\"track_name\": \"Come Together\", "
        "\"artist_name\": \"The Beatles\", \"release_name\": \"Abbey Road\", \"additional_info\": "
        "{\"duration_ms\": 259000}}}");
}

QByteArray lbMamas() {
    return QByteArray(
        "{\"listened_at\": 1748967954, \"track_metadata\": {\"track_name\": \"California "
        "Dreamin'\", \"artist_name\": \"The Mamas & The Papas\"}}");
}

QByteArray lbResponsePrefix() {
    return QByteArray("{\"payload\": {\"count\": 2, \"user_id\": \"x\", \"listens\": [");
}

QByteArray lbSubmitPrefix() {
    return QByteArray("{\"listen_type\": \"import\", \"payload\": [");
}

QByteArray lovedTracks() {
    return QByteArray(
        "{\"lovedtracks\": {\"track\": [{\"name\": \"x\", \"artist\": {\"name\": \"y\"}}]}}");
}

QByteArray maloja() {
    return QByteArray(
        "{\"maloja\": {\"export_time\": 1761035593}, \"scrobbles\": [\n"
        "                 {\"time\": 1760532613, \"track\": {\"artists\": [\"Nina Simone\"], "
        "\"title\": \"Feeling Good\",\n"
        "                  \"album\": {\"artists\": [\"Nina Simone\"], \"albumtitle\": \"X\"}, "
        "\"length\": 240},\n"
        "                  \"duration\": null, \"origin\": \"client:turntable\"},\n"
        "                 {\"time\": 1760532855, \"track\": {\"artists\": [\"Vega Trails\"],\n"
        "                  \"title\": \"Old Friend; The Sea\", \"album\": {\"albumtitle\": "
        "\"Sierra Tracks\"},\n"
        "                  \"length\": null}, \"duration\": 245, \"origin\": "
        "\"client:turntable\"}]}");
}

QByteArray panoScrobbler() {
    return QByteArray(
        "{\"timeHuman\":\"x\",\"timeMs\":1762957898933,\"artist\":\"Nina "
        "Simone\",\"track\":\"Feeling Good\",\"album\":\"A\",\"albumArtist\":\"Nina "
        "Simone\",\"durationMs\":240000,\"event\":\"scrobble\"}\n"
        "{\"timeHuman\":\"y\",\"timeMs\":1762874400000,\"artist\":\"Rick "
        "Astley\",\"track\":\"Never Gonna Give You "
        "Up\",\"album\":\"W\",\"durationMs\":216000,\"event\":\"scrobble\"}\n"
        "");
}

QByteArray radioheadBeforeTheFile() {
    return QByteArray(
        "{\"listened_at\": 1700000000, \"track_metadata\": {\"artist_name\": \"Radiohead\", "
        "\"track_name\": \"Karma Police\"}}\n"
        "{\"listened_at\": 1700000300, \"track_metadata\": {\"artist_name\": \"Nina Simone\", "
        "\"track_name\": \"Feeling Good\"}}\n"
        "{\"listened_at\": 1700000600, \"track_metadata\": {\"artist_name\": \"Radiohead\", "
        "\"track_name\": \"Karma Police\"}}\n"
        "");
}

QByteArray spotifyBasic() {
    return QByteArray(
        "[\n"
        "  {\n"
        "    \"endTime\" : \"2021-03-11 17:34\",\n"
        "    \"artistName\" : \"Nina Simone\",\n"
        "    \"trackName\" : \"Feeling Good\",\n"
        "    \"msPlayed\" : 180000\n"
        "  },\n"
        "  {\n"
        "    \"endTime\" : \"2021-03-11 17:40\",\n"
        "    \"artistName\" : \"Muse\",\n"
        "    \"trackName\" : \"Uprising\",\n"
        "    \"msPlayed\" : 12000\n"
        "  },\n"
        "  {\n"
        "    \"endTime\" : \"2021-03-11 17:41\",\n"
        "    \"artistName\" : \"Muse\",\n"
        "    \"trackName\" : \"Uprising\",\n"
        "    \"msPlayed\" : 2000\n"
        "  }\n"
        "]\n"
        "");
}

QByteArray spotifyExtended() {
    return QByteArray(
        "[\n"
        " {\"ts\": \"2023-03-19T18:31:37Z\", \"platform\": \"android\", \"ms_played\": 174424,\n"
        "  \"master_metadata_track_name\": \"The Model\", \"master_metadata_album_artist_name\": "
        "\"Kraftwerk\",\n"
        "  \"master_metadata_album_album_name\": \"The Man-Machine\", \"spotify_track_uri\": "
        "\"spotify:track:1\",\n"
        "  \"episode_name\": null, \"reason_start\": \"fwdbtn\", \"reason_end\": \"trackdone\", "
        "\"shuffle\": true,\n"
        "  \"skipped\": false, \"offline\": false, \"incognito_mode\": false},\n"
        " {\"ts\": \"2023-03-19T18:35:00Z\", \"platform\": \"android\", \"ms_played\": 9000,\n"
        "  \"master_metadata_track_name\": \"Beqaaboo\", \"master_metadata_album_artist_name\": "
        "\"OAFF\",\n"
        "  \"master_metadata_album_album_name\": \"Gehraiyaan\", \"episode_name\": null,\n"
        "  \"reason_start\": \"fwdbtn\", \"reason_end\": \"fwdbtn\", \"shuffle\": false, "
        "\"skipped\": true,\n"
        "  \"offline\": true, \"incognito_mode\": false},\n"
        " {\"ts\": \"2023-03-19T19:00:00Z\", \"ms_played\": 600000, "
        "\"master_metadata_track_name\": null,\n"
        "  \"master_metadata_album_artist_name\": null, \"master_metadata_album_album_name\": "
        "null,\n"
        "  \"episode_name\": \"Episode 12\", \"episode_show_name\": \"A Podcast\", \"reason_end\": "
        "\"endplay\",\n"
        "  \"shuffle\": false, \"skipped\": null, \"incognito_mode\": false},\n"
        " {\"ts\": \"2023-03-19T20:00:00Z\", \"ms_played\": 200000, "
        "\"master_metadata_track_name\": \"Secret\",\n"
        "  \"master_metadata_album_artist_name\": \"Someone\", \"reason_end\": \"trackdone\", "
        "\"shuffle\": false,\n"
        "  \"skipped\": null, \"incognito_mode\": true},\n"
        " {\"ts\": \"2023-03-19T21:00:00Z\", \"ms_played\": 1000, \"master_metadata_track_name\": "
        "\"Broken\",\n"
        "  \"master_metadata_album_artist_name\": \"Someone\", \"reason_end\": \"trackerror\", "
        "\"shuffle\": false,\n"
        "  \"skipped\": null, \"incognito_mode\": false}\n"
        "]");
}

QByteArray spotifyRecentlyPlayed() {
    return QByteArray(
        "{\"items\": [\n"
        "                {\"track\": {\"name\": \"Feeling Good\", \"artists\": [{\"name\": \"Nina "
        "Simone\"}],\n"
        "                 \"album\": {\"name\": \"I Put a Spell on You\"}, \"duration_ms\": "
        "171000},\n"
        "                 \"played_at\": \"2021-10-25T05:13:13.000Z\"},\n"
        "                {\"track\": {\"name\": \"Heat Waves\", \"artists\": [{\"name\": \"Glass "
        "Animals\"}],\n"
        "                 \"album\": {\"name\": \"Dreamland\"}, \"duration_ms\": 238805},\n"
        "                 \"played_at\": \"2021-10-25T05:10:00.000Z\"}], \"limit\": 2}");
}

QByteArray spotifyUserdata() {
    return QByteArray("{\"username\": \"x\", \"email\": \"y\"}");
}

QByteArray zippedMusicHistory() {
    return QByteArray(
        "[{\"endTime\": \"2022-01-01 10:00\", \"artistName\": \"Nina Simone\",\n"
        "                   \"trackName\": \"Feeling Good\", \"msPlayed\": 240000}]");
}

QByteArray zippedPlaylists() {
    return QByteArray("{\"playlists\": []}");
}

QByteArray zippedPodcastHistory() {
    return QByteArray(
        "[{\"endTime\": \"2022-01-01 11:00\", \"podcastName\": \"P\", \"episodeName\": \"E\",\n"
        "                   \"msPlayed\": 240000}]");
}

}  // namespace encore::fx
