/// The words the generated minutes are made of: council names, committees, people and the phrases
/// officers write. Theme words come from the taxonomy itself (see `ThemePhrases`).
enum Vocabulary {
  static let places = [
    "Ashford", "Barnsley", "Bedford", "Blackpool", "Bolton", "Bournemouth", "Bracknell", "Bradford",
    "Brighton", "Bristol", "Buckinghamshire", "Bury", "Calderdale", "Cambridgeshire", "Cheshire East",
    "Cornwall", "Coventry", "Croydon", "Cumbria", "Darlington", "Derby", "Devon", "Doncaster", "Dorset",
    "Dudley", "Durham", "Ealing", "Essex", "Gateshead", "Gloucestershire", "Hackney", "Halton",
    "Hampshire", "Haringey", "Hartlepool", "Herefordshire", "Hertfordshire", "Hull", "Kent", "Kirklees",
    "Knowsley", "Lancashire", "Leeds", "Leicester", "Lincolnshire", "Liverpool", "Luton", "Manchester",
    "Medway", "Middlesbrough", "Milton Keynes", "Newcastle", "Norfolk", "North Yorkshire", "Northumberland",
    "Nottingham", "Oldham", "Oxfordshire", "Peterborough", "Plymouth", "Portsmouth", "Reading",
    "Redcar", "Rochdale", "Rotherham", "Salford", "Sandwell", "Sefton", "Sheffield", "Shropshire",
    "Slough", "Solihull", "Somerset", "Southampton", "Southend", "Staffordshire", "Stockport", "Suffolk",
    "Sunderland", "Surrey", "Swindon", "Tameside", "Telford", "Thurrock", "Torbay", "Trafford",
    "Wakefield", "Walsall", "Warrington", "Warwickshire", "West Berkshire", "Wigan", "Wiltshire",
    "Windsor and Maidenhead", "Wirral", "Wokingham", "Wolverhampton", "Worcestershire", "York",
  ]
  static let councilKinds = [
    "Council", "County Council", "Borough Council", "City Council", "Metropolitan Borough Council",
  ]
  static let committees = [
    "Cabinet", "Children's Services Scrutiny Committee", "Licensing Committee", "Corporate Parenting Panel",
    "Health and Wellbeing Board", "Overview and Scrutiny Committee", "Community Safety Partnership",
    "Safer Communities Scrutiny Panel", "Adult Social Care Scrutiny Committee", "Schools Forum",
    "Audit and Governance Committee", "Police and Crime Panel", "Full Council", "Education Select Committee",
    "Regulatory Committee", "Housing and Communities Committee",
  ]
  static let firstNames = [
    "Alison", "Amir", "Andrew", "Angela", "Bernard", "Catherine", "Chris", "Claire", "David", "Deborah",
    "Emma", "Fiona", "Gareth", "Graham", "Hannah", "Ian", "Imran", "Jane", "John", "Karen", "Kieron",
    "Lesley", "Louise", "Mark", "Mohammed", "Nadia", "Nigel", "Patricia", "Paul", "Priya", "Rachel",
    "Richard", "Ruth", "Sarah", "Simon", "Susan", "Tom", "Trevor", "Yvonne", "Zoe",
  ]
  static let surnames = [
    "Ahmed", "Allen", "Bailey", "Begum", "Bennett", "Brown", "Clarke", "Cooper", "Davies", "Edwards",
    "Evans", "Green", "Hall", "Harris", "Hughes", "Hussain", "Jackson", "James", "Johnson", "Jones",
    "Khan", "Lewis", "Mallon", "Martin", "McCracken", "Morgan", "Patel", "Phillips", "Roberts", "Robinson",
    "Scott", "Shah", "Singh", "Smith", "Taylor", "Thomas", "Turner", "Walker", "Ward", "Wilson", "Wright",
  ]
  static let roles = [
    "the Director of Children's Services", "the Head of Community Safety", "the Chief Executive",
    "the Cabinet Member for Children and Families", "the Assistant Chief Constable", "the Licensing Manager",
    "the Police and Crime Commissioner", "the Director of Public Health", "the Head of Education",
    "the Service Manager", "the Monitoring Officer", "the Strategic Director of Place",
  ]
  static let subjects = [
    "The Committee", "Members", "The Chairman", "The Panel", "Officers", "The Board", "A Member",
    "The Cabinet Member", "The Vice-Chairman", "Several Members", "The report",
  ]
  static let verbs = [
    "noted", "welcomed", "asked about", "raised concerns about", "discussed", "considered", "questioned",
    "sought assurance on", "received an update on", "commented on", "highlighted", "acknowledged",
    "expressed support for", "queried the progress of", "requested further information on",
  ]
  static let topics = [
    "the budget for the coming year", "the performance dashboard", "the recruitment of social workers",
    "the inspection outcome", "waiting times for assessments", "the capital programme",
    "the housing allocations policy", "the highways maintenance backlog", "the use of agency staff",
    "the commissioning strategy", "the risk register", "the quarterly monitoring report",
    "the new case management system", "the consultation responses", "the annual report",
    "partnership working across the county", "early help services", "the transformation programme",
    "the youth offending service", "the domestic abuse strategy", "attendance figures",
    "the complaints received during the year", "the workforce development plan",
    "the medium term financial plan",
    "the local area partnership", "the engagement with young people", "the outcome of the peer review",
  ]
  static let connectives = [
    "In response,", "It was explained that", "Members were informed that", "The Committee heard that",
    "It was noted that", "Following discussion,", "In answer to a question,", "It was reported that",
    "Officers confirmed that", "The meeting was advised that",
  ]
  static let clauses = [
    "progress had been made since the last meeting", "further work was needed before the next review",
    "the figures would be circulated to Members", "the service had seen increased demand",
    "additional funding had been secured from central government", "the position would be monitored closely",
    "a report would be brought back to a future meeting", "training had been delivered to frontline staff",
    "the approach had been agreed with partner agencies", "the numbers were lower than in previous years",
    "the data would be broken down by ward", "the service was meeting its statutory duties",
    "the action plan had been refreshed", "the timescales were challenging but achievable",
  ]
  static let routineItems = [
    ("Apologies for absence", "Apologies were received from Cllr {name}."),
    ("Declarations of interest", "There were no declarations of interest."),
    (
      "Minutes of the previous meeting",
      "The minutes of the meeting held on {date} were agreed as a correct record."
    ),
    ("Public questions", "No public questions had been received."),
    ("Date of next meeting", "The next meeting would be held on {date}."),
  ]
  static let itemTitles = [
    "Update on {theme}", "{theme}: annual report", "Report of the Task and Finish Group on {theme}",
    "{topic}", "Performance report", "Work programme", "Response to the inspection of {theme}",
    "Partnership update", "Quarterly monitoring", "Review of {theme}",
  ]
  static let recommendationOpenings = [
    "That the Committee be kept updated on", "That a report be brought back to the next meeting on",
    "That the Cabinet Member consider", "That officers review", "That the Panel receive a briefing on",
    "That partner agencies be asked to report on", "That funding be identified for",
    "That Members be provided with data on",
  ]
  static let carriedOverPrefixes = [
    "Further to the recommendation made on {date},", "As previously recommended on {date},",
    "Following up the recommendation of {date},",
  ]
}
