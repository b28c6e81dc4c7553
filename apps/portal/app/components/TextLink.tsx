import { Link, type LinkProps } from "@remix-run/react";

/**
 * The portal's text link — blue, underlined on hover — for every in-app link that is neither a
 * button nor a menu entry (详细, 返回首页, 返回登录, 修改密码 …): Remix's Link with the one class.
 */
export function TextLink(props: Omit<LinkProps, "className">) {
  return <Link {...props} className="text-blue-700 hover:underline" />;
}
