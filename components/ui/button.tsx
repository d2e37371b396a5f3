import { StaffLink } from "./staff-link";
import type { ComponentProps, ReactNode } from "react";
import styles from "./ui.module.css";

type Variant = "primary" | "secondary" | "danger" | "ghost";

export function buttonClass(variant: Variant = "secondary", size: "sm" | "md" = "md") {
  return [styles.button, styles[variant], size === "sm" ? styles.sm : ""].filter(Boolean).join(" ");
}

export function Button({
  variant = "secondary",
  size = "md",
  className,
  type = "button",
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: "sm" | "md" }) {
  return <button type={type} className={[buttonClass(variant, size), className].filter(Boolean).join(" ")} {...props} />;
}

/** A link that looks like a button. Staff pages use it, so it is never prefetched (see StaffLink). */
export function ButtonLink({ href, variant = "secondary", size = "md", children }: { href: string; variant?: Variant; size?: "sm" | "md"; children: ReactNode }) {
  return (
    <StaffLink href={href} className={buttonClass(variant, size)}>
      {children}
    </StaffLink>
  );
}
