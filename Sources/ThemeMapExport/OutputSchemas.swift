/// The CSV files ThemeMap writes, with every column's meaning: the single source for the writers,
/// the README table and the data package.
public enum OutputSchemas {
  /// meetings.csv
  public static let meetings = CSVSchema(
    fileName: "meetings.csv", rowMeaning: "a meeting of a body, as one source document records it",
    columns: [
      CSVColumn("meeting_id", .integer, "ThemeMap's id of the meeting (stable within one store)"),
      CSVColumn("body", .string, "the panel, committee or sub-committee that met"),
      CSVColumn("parent_body", .string, "the body it reports to, where known"),
      CSVColumn("date", .date, "the meeting day, where stated or given by the manifest"),
      CSVColumn("date_source", .string, "stated (in the text), manifest, inferred (bounds only) or unknown"),
      CSVColumn("date_earliest", .date, "the earliest day the meeting can have been on"),
      CSVColumn("date_latest", .date, "the latest day the meeting can have been on (empty: no bound)"),
      CSVColumn("time", .string, "the time of day as written"),
      CSVColumn("venue", .string, "the venue as written"),
      CSVColumn("items", .integer, "how many agenda items ThemeMap found"),
      CSVColumn("document", .string, "the source file"),
      CSVColumn("source_address", .string, "the web address the document was saved from, where known"),
    ], primaryKey: ["meeting_id"])

  /// items.csv
  public static let items = CSVSchema(
    fileName: "items.csv", rowMeaning: "an agenda item of a meeting, with its minutes",
    columns: [
      CSVColumn("item_id", .integer, "ThemeMap's id of the item"),
      CSVColumn("meeting_id", .integer, "the meeting (meetings.csv)"),
      CSVColumn("body", .string, "the body that met"),
      CSVColumn("meeting_date", .date, "the meeting day, or its earliest possible day when inferred"),
      CSVColumn("ordinal", .integer, "the item's position in the document, from 1"),
      CSVColumn("number", .string, "the item number the page shows"),
      CSVColumn("title", .string, "the item title, page artefacts removed"),
      CSVColumn(
        "is_truncated", .boolean, "true when the page cut the minutes short (\"view the full minutes text\")"),
      CSVColumn("themes", .string, "ids of the themes found in the item, ';'-separated, taxonomy order"),
      CSVColumn("attachments", .string, "attachments the page lists, ';'-separated"),
      CSVColumn("document", .string, "the source file"),
      CSVColumn("span_start", .integer, "UTF-8 byte offset of the item's start in the document's text"),
      CSVColumn("span_end", .integer, "UTF-8 byte offset one past the item's end"),
      CSVColumn("line", .integer, "the line the item starts on"),
      CSVColumn("agenda_text", .string, "the agenda text"),
      CSVColumn("minutes_text", .string, "the minutes text"),
    ], primaryKey: ["item_id"])

  /// mentions.csv
  public static let mentions = CSVSchema(
    fileName: "mentions.csv", rowMeaning: "one match of a theme in an item: the evidence for a tag",
    columns: [
      CSVColumn("mention_id", .integer, "ThemeMap's id of the match"),
      CSVColumn("theme", .string, "the theme id (themes.yaml)"),
      CSVColumn("parent_theme", .string, "the theme's parent id"),
      CSVColumn("item_id", .integer, "the item (items.csv)"),
      CSVColumn("meeting_id", .integer, "the meeting (meetings.csv)"),
      CSVColumn("body", .string, "the body that met"),
      CSVColumn("meeting_date", .date, "the meeting day, or its earliest possible day when inferred"),
      CSVColumn("field", .string, "where in the item: title, agenda or minutes"),
      CSVColumn("matched_text", .string, "the words as the document writes them"),
      CSVColumn("matched_alias", .string, "the alias or abbreviation of the taxonomy that matched"),
      CSVColumn("document", .string, "the source file"),
      CSVColumn("span_start", .integer, "UTF-8 byte offset of the match in the document's text"),
      CSVColumn("span_end", .integer, "UTF-8 byte offset one past the match"),
      CSVColumn("line", .integer, "the line of the match"),
    ], primaryKey: ["mention_id"])

  /// recommendations.csv
  public static let recommendations = CSVSchema(
    fileName: "recommendations.csv",
    rowMeaning: "a recommendation, resolution, requested action, suggested area or update point",
    columns: [
      CSVColumn("recommendation_id", .integer, "ThemeMap's id of the recommendation"),
      CSVColumn("item_id", .integer, "the item it is recorded under (items.csv)"),
      CSVColumn("meeting_id", .integer, "the meeting (meetings.csv)"),
      CSVColumn("body", .string, "the body that made it"),
      CSVColumn("meeting_date", .date, "the meeting day, or its earliest possible day when inferred"),
      CSVColumn("item_number", .string, "the item number the page shows"),
      CSVColumn("number", .string, "the recommendation's own number (\"6.1\"), where it has one"),
      CSVColumn("kind", .string, "recommendation, resolution, action, suggested-area or update"),
      CSVColumn("addressee", .string, "who it is addressed to, where the text says (PCC, Deputy PCC, ...)"),
      CSVColumn("text", .string, "the text"),
      CSVColumn("themes", .string, "ids of the themes found in its text, ';'-separated"),
      CSVColumn("document", .string, "the source file"),
      CSVColumn("span_start", .integer, "UTF-8 byte offset in the document's text"),
      CSVColumn("span_end", .integer, "UTF-8 byte offset one past its end"),
      CSVColumn("line", .integer, "the line it starts on"),
      CSVColumn(
        "status", .string,
        "agreed, repeated, followed-up, update-requested or no-follow-up-yet (README: statuses); empty before linking"
      ),
      CSVColumn(
        "times_carried", .integer, "how many later records follow it up (its rows in carry_over.csv)"),
      CSVColumn(
        "last_seen", .date, "the latest meeting day it was seen: itself, a restatement or a follow-up"),
      CSVColumn("last_seen_meeting_id", .integer, "the meeting of that sighting"),
      CSVColumn("repeat_of", .integer, "the earliest near-identical recommendation this one restates"),
      CSVColumn("repeated_by", .string, "ids of later near-identical restatements, ';'-separated"),
    ], primaryKey: ["recommendation_id"])

  /// theme_trends.csv
  public static let themeTrends = CSVSchema(
    fileName: "theme_trends.csv",
    rowMeaning: "a theme in one body's meetings during one period (tidy long form, zeros included)",
    columns: [
      CSVColumn("theme", .string, "the theme id"),
      CSVColumn("theme_label", .string, "the theme's label"),
      CSVColumn("parent_theme", .string, "the parent theme id"),
      CSVColumn("body", .string, "the body"),
      CSVColumn("period", .string, "the period: 2015-11 (month), 2015-Q4 (quarter), 2015 (year) or unknown"),
      CSVColumn("period_start", .date, "the period's first day"),
      CSVColumn("body_meetings", .integer, "meetings the body held in the period"),
      CSVColumn("meetings", .integer, "of those, meetings with at least one mention of the theme"),
      CSVColumn("items", .integer, "items mentioning the theme"),
      CSVColumn("mentions", .integer, "matches of the theme"),
    ], primaryKey: ["theme", "body", "period"])

  /// carry_over.csv
  public static let carryOver = CSVSchema(
    fileName: "carry_over.csv",
    rowMeaning: "a link from a recommendation to a later record that follows it up, with its evidence",
    columns: [
      CSVColumn("link_id", .integer, "ThemeMap's id of the link"),
      CSVColumn("recommendation_id", .integer, "the earlier recommendation (recommendations.csv)"),
      CSVColumn("from_meeting_id", .integer, "its meeting"),
      CSVColumn("from_date", .date, "its meeting's date"),
      CSVColumn("from_body", .string, "its body"),
      CSVColumn("from_item_number", .string, "its item number"),
      CSVColumn("from_number", .string, "its own number, where it has one"),
      CSVColumn("from_kind", .string, "its kind (recommendation, suggested-area, ...)"),
      CSVColumn("from_text", .string, "its text"),
      CSVColumn("target_kind", .string, "what follows it up: recommendation or item"),
      CSVColumn("target_id", .integer, "the later recommendation_id or item_id"),
      CSVColumn("to_meeting_id", .integer, "the later meeting"),
      CSVColumn("to_date", .date, "the later meeting's date (always after from_date)"),
      CSVColumn("to_body", .string, "the later body"),
      CSVColumn("to_item_number", .string, "the later item number"),
      CSVColumn("to_number", .string, "the later recommendation's number, where it has one"),
      CSVColumn("to_text", .string, "the later record's text (an item's title)"),
      CSVColumn("score", .number, "the link's score (README: how links are scored); higher is stronger"),
      CSVColumn("shared_themes", .string, "theme ids both sides are tagged with, ';'-separated"),
      CSVColumn("shared_terms", .string, "normalised terms both sides use, rarest first, ';'-separated"),
      CSVColumn("from_quote", .string, "a short quote from the earlier side"),
      CSVColumn("to_quote", .string, "a short quote from the later side"),
      CSVColumn(
        "is_repeat", .boolean, "true when the later record restates it near-identically (status repeated)"),
    ], primaryKey: ["link_id"])

  /// theme_timeline.csv
  public static let themeTimeline = CSVSchema(
    fileName: "theme_timeline.csv",
    rowMeaning: "a theme's appearance at a meeting, in date order, with the gap since the last",
    columns: [
      CSVColumn("theme", .string, "the theme id"),
      CSVColumn("theme_label", .string, "the theme's label"),
      CSVColumn("sequence", .integer, "1 for the theme's first appearance, then 2, 3, ..."),
      CSVColumn("meeting_id", .integer, "the meeting (meetings.csv)"),
      CSVColumn("date", .date, "the meeting's date (or earliest possible date)"),
      CSVColumn("body", .string, "the body that met"),
      CSVColumn("items", .integer, "items of the meeting mentioning the theme"),
      CSVColumn("mentions", .integer, "matches of the theme at the meeting"),
      CSVColumn(
        "days_since_previous", .integer, "days since the theme's previous appearance (empty for the first)"),
      CSVColumn("previous_body", .string, "the body of the previous appearance (empty for the first)"),
    ], primaryKey: ["theme", "sequence"])

  /// theme_transitions.csv
  public static let themeTransitions = CSVSchema(
    fileName: "theme_transitions.csv",
    rowMeaning: "a theme moving from one body to the next body that took it up",
    columns: [
      CSVColumn("theme", .string, "the theme id"),
      CSVColumn("from_body", .string, "the body where the theme appeared before"),
      CSVColumn("to_body", .string, "the body where it appeared next"),
      CSVColumn("count", .integer, "how many times the theme moved this way"),
      CSVColumn("first_date", .date, "the date of the first such move (the later meeting)"),
    ], primaryKey: ["theme", "from_body", "to_body"])

  /// work_programme.csv
  public static let workProgramme = CSVSchema(
    fileName: "work_programme.csv",
    rowMeaning: "a candidate item for the next work programme, ranked, with the reason in words",
    columns: [
      CSVColumn("rank", .integer, "its place in the ranking, from 1"),
      CSVColumn("title", .string, "a short title"),
      CSVColumn(
        "reason", .string,
        "recommendation-without-follow-up, suggested-area-never-discussed, rising-theme or theme-without-recommendation"
      ),
      CSVColumn("explanation", .string, "the reason in words"),
      CSVColumn("score", .number, "the ranking score; higher first"),
      CSVColumn("themes", .string, "theme ids concerned, ';'-separated"),
      CSVColumn("sources", .string, "where it comes from (meeting date, body, item), ';'-separated"),
    ], primaryKey: ["rank"])
}
