import Testing

@Test func placeholderModel() {}
