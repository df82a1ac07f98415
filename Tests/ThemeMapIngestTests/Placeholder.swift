import Testing

@Test func placeholderIngest() {}
