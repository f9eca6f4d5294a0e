/** The error code a pure rule throws (an AppError), or 'no refusal' when it returns: for tables of allowed and refused. */
export const thrownCode = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    return (e as { code?: string }).code ?? String(e)
  }
  return 'no refusal'
}
