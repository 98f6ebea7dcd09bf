// Tests read many JSON bodies whose shape the assertions themselves check.
declare global {
  interface Response {
    // biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
    json(): Promise<any>;
  }
}

export {};
