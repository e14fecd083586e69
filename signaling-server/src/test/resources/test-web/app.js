document.getElementById("marker").dataset.loaded = "yes";
