/** A schema-valid customer body, as Pexip sends it. */
export const customerBody = (id = "123") => ({
  data: {
    id,
    existing: true,
    timeZone: "Europe/Brussels",
    createdAt: "2022-08-17T19:05:21.362Z",
    updatedAt: "2022-08-17T19:05:21.362Z",
    deletedAt: null,
  },
});

/** Pexip's error body. */
export const errorBody = (status: number, message: string, code: string) => ({
  errors: [{ message, code, type: "Error", statusCode: String(status) }],
});
