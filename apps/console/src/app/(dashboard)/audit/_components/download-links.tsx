import { buttonClasses } from '@vouch/ui';

/** Download buttons for an export's files; `labels` names each file for where the list is shown. */
export function DownloadLinks({
  links,
  labels,
  label,
  className,
}: {
  links: readonly { file: string; url: string }[];
  labels: Record<string, string>;
  label: string;
  className: string;
}) {
  return (
    <ul className={className} aria-label={label}>
      {links.map((link) => (
        <li key={link.file}>
          <a href={link.url} className={buttonClasses('secondary', 'sm')} download>
            {labels[link.file] ?? link.file}
          </a>
        </li>
      ))}
    </ul>
  );
}
