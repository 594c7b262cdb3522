// FormApp's Form has isPublished() and setPublished(enabled) (Apps Script reference, 2025): with
// Google Forms' responder controls, a form created by a script after 31 March 2026 starts
// unpublished and accepts no answers until it is published. @types/google-apps-script 2.0.13 does
// not list the two methods yet; this adds them to the real interface, so the add-on and the fake
// FormApp (test/support/fakeFormApp.ts) are both checked against them.
declare namespace GoogleAppsScript {
  namespace Forms {
    interface Form {
      isPublished(): boolean;
      setPublished(enabled: boolean): Form;
    }
  }
}
