/**
 * File extensions whose same-site links the full tracker reports as `file_download` custom
 * events (Plausible's list); FILE_DOWNLOAD goals without a list of their own count these.
 */
export const DOWNLOAD_EXTENSIONS = [
  'pdf',
  'xlsx',
  'docx',
  'txt',
  'rtf',
  'csv',
  'exe',
  'key',
  'pps',
  'ppt',
  'pptx',
  '7z',
  'pkg',
  'rar',
  'gz',
  'zip',
  'avi',
  'mov',
  'mp4',
  'mpeg',
  'wmv',
  'midi',
  'mp3',
  'wav',
  'wma',
  'dmg',
];
