// The AsyncAPI CLI pulls in puppeteer (for PDF output, unused here): never download a browser at install.
module.exports = { skipDownload: true };
