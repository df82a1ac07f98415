/// Placeholder until the stage lands.
enum ThemeMapStorePlaceholder {}
