import Foundation

/// The Frictionless data package (`datapackage.json`) that describes ThemeMap's CSV files: every
/// field's type and meaning, primary keys and foreign keys, taken from `OutputSchemas`.
///
/// ```swift
/// try DataPackage.write(to: URL(fileURLWithPath: "out"))  // (1)
/// ```
/// (1) Lists the CSV files of `allSchemas` that exist in `out/`, so the package validates
/// whichever outputs a run wrote; foreign keys to a file that is not there are left out.
public enum DataPackage {
  /// A foreign key: `fields` of one file reference `referenceFields` of another.
  public struct ForeignKey: Hashable, Sendable {
    /// The referencing columns.
    public var fields: [String]
    /// The referenced file.
    public var resource: String
    /// The referenced columns (its primary key).
    public var referenceFields: [String]

    /// Creates a foreign key.
    public init(_ fields: [String], _ resource: String, _ referenceFields: [String]) {
      self.fields = fields
      self.resource = resource
      self.referenceFields = referenceFields
    }
  }

  /// The foreign keys of each file, by file name. carry_over.csv's `target_id` is left out: it
  /// names a recommendation or an item depending on `target_kind`, which a foreign key cannot say.
  public static let foreignKeys: [String: [ForeignKey]] = [
    "items.csv": [ForeignKey(["meeting_id"], "meetings.csv", ["meeting_id"])],
    "mentions.csv": [
      ForeignKey(["item_id"], "items.csv", ["item_id"]),
      ForeignKey(["meeting_id"], "meetings.csv", ["meeting_id"]),
    ],
    "recommendations.csv": [
      ForeignKey(["item_id"], "items.csv", ["item_id"]),
      ForeignKey(["meeting_id"], "meetings.csv", ["meeting_id"]),
    ],
    "carry_over.csv": [
      ForeignKey(["recommendation_id"], "recommendations.csv", ["recommendation_id"]),
      ForeignKey(["from_meeting_id"], "meetings.csv", ["meeting_id"]),
      ForeignKey(["to_meeting_id"], "meetings.csv", ["meeting_id"]),
    ],
    "theme_timeline.csv": [ForeignKey(["meeting_id"], "meetings.csv", ["meeting_id"])],
  ]

  /// The descriptor for the given schemas, as a JSON-ready value.
  /// - Parameter schemas: the files to list, in order.
  public static func descriptor(for schemas: [CSVSchema]) -> Descriptor {
    let names = Set(schemas.map(\.fileName))
    return Descriptor(
      resources: schemas.map { schema in
        let keys = (foreignKeys[schema.fileName] ?? []).filter { names.contains($0.resource) }
        return Descriptor.Resource(
          name: resourceName(schema.fileName), path: schema.fileName,
          description: "One row is " + schema.rowMeaning + ".",
          schema: Descriptor.Schema(
            fields: schema.columns.map {
              Descriptor.Field(name: $0.name, type: $0.type.rawValue, description: $0.meaning)
            },
            primaryKey: schema.primaryKey,
            foreignKeys: keys.map {
              Descriptor.Key(
                fields: $0.fields,
                reference: Descriptor.Reference(
                  resource: resourceName($0.resource), fields: $0.referenceFields))
            }))
      })
  }

  /// Writes `datapackage.json` into a folder, listing the files of `schemas` found there.
  /// - Returns: the file written.
  /// - Throws: `ExportError.cannotWrite` naming the file.
  @discardableResult
  public static func write(to folder: URL, schemas: [CSVSchema] = allSchemas) throws(ExportError) -> URL {
    let url = url(in: folder)
    let present = schemas.filter {
      FileManager.default.fileExists(atPath: folder.appendingPathComponent($0.fileName).path)
    }
    do {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      var data = try encoder.encode(descriptor(for: present))
      data.append(0x0A)
      try data.write(to: url, options: .atomic)
    } catch {
      throw .cannotWrite(path: url.path, reason: error.localizedDescription)
    }
    return url
  }

  /// Where `write(to:schemas:)` writes the descriptor.
  static func url(in folder: URL) -> URL { folder.appendingPathComponent("datapackage.json") }

  /// A resource name: the file name without ".csv" (names are lower-case letters, digits, "-", "_"
  /// and "." in the Frictionless spec; the file name stays the path).
  static func resourceName(_ fileName: String) -> String {
    String(fileName.hasSuffix(".csv") ? fileName.dropLast(4) : Substring(fileName))
  }

  /// The descriptor's JSON shape (Frictionless Data Package v1, tabular).
  public struct Descriptor: Codable, Hashable, Sendable {
    /// The profile: a tabular data package.
    public var profile = "tabular-data-package"
    /// The package name.
    public var name = "thememap-outputs"
    /// The title.
    public var title = "ThemeMap outputs: meetings, items, theme mentions, trends and recommendations"
    /// The files.
    public var resources: [Resource]

    /// One CSV file.
    public struct Resource: Codable, Hashable, Sendable {
      /// The resource name.
      public var name: String
      /// The file, relative to the descriptor.
      public var path: String
      /// The profile of a CSV resource.
      public var profile = "tabular-data-resource"
      /// The format.
      public var format = "csv"
      /// The media type.
      public var mediatype = "text/csv"
      /// The encoding.
      public var encoding = "utf-8"
      /// What a row is.
      public var description: String
      /// The table schema.
      public var schema: Schema
    }

    /// A Table Schema.
    public struct Schema: Codable, Hashable, Sendable {
      /// The columns in order.
      public var fields: [Field]
      /// The columns that identify a row.
      public var primaryKey: [String]
      /// References to other files.
      public var foreignKeys: [Key]
    }

    /// A column.
    public struct Field: Codable, Hashable, Sendable {
      /// The header name.
      public var name: String
      /// The Table Schema type.
      public var type: String
      /// What a value means.
      public var description: String
    }

    /// A foreign key.
    public struct Key: Codable, Hashable, Sendable {
      /// The referencing columns.
      public var fields: [String]
      /// The referenced resource and columns.
      public var reference: Reference
    }

    /// The other side of a foreign key.
    public struct Reference: Codable, Hashable, Sendable {
      /// The referenced resource's name.
      public var resource: String
      /// The referenced columns.
      public var fields: [String]
    }
  }
}

extension DataPackage {
  /// Every CSV schema of `OutputSchemas`, in the order the data package lists them.
  public static let allSchemas: [CSVSchema] = [
    OutputSchemas.meetings, OutputSchemas.items, OutputSchemas.mentions, OutputSchemas.recommendations,
    OutputSchemas.themeTrends, OutputSchemas.carryOver, OutputSchemas.themeTimeline,
    OutputSchemas.themeTransitions, OutputSchemas.workProgramme,
  ]
}
