/** Who is saving: enough for the revision author and the audit row. */
export interface Actor {
  id: string;
  email: string;
}
